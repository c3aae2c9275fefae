-- journeymap funnel for journey 2802c4b1-752d-452a-924d-bd993bf03cbc (Buying running shoes online at Sải Bước (current state)), clickhouse dialect
-- order mode: anchored greedy; conversion window 2592000000000000 ns (720h0m0s)
-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)
SELECT measure, touchpoint, step, bucket, value
FROM
(
  -- 1. events and bad rows per touchpoint key
  SELECT m.1 AS measure, touchpoint, toInt64(0) AS step, toInt64(0) AS bucket, m.2 AS value
  FROM
  (
    SELECT jm_touchpoint AS touchpoint,
      toInt64(countIf(jm_usable)) AS events,
      toInt64(countIf(jm_failed)) AS failing,
      toInt64(countIf(jm_has_emotion)) AS emotion_count,
      toInt64(sumIf(jm_emotion_milli, jm_has_emotion)) AS emotion_sum_milli,
      toInt64(countIf(NOT jm_usable)) AS bad_rows
    FROM
    (
      -- (aliases that read the table's columns start with jm_: ClickHouse resolves an alias
      -- before a column of the same name)
      SELECT
        ifNull(`touchpoint`, '') AS jm_touchpoint,
        ifNull((isNotNull(`customer_id`)
          AND toString(`customer_id`) != ''
          AND isNotNull(`touchpoint`)
          AND `touchpoint` != ''
          AND isNotNull(`ts`)
          AND (isNull(`outcome`) OR `outcome` IN ('', 'ok', 'failed'))
          AND (isNull(`emotion`) OR (toFloat64(`emotion`) >= -2 AND toFloat64(`emotion`) <= 2))), 0) AS jm_usable,
        jm_usable AND ifNull((isNotNull(`outcome`) AND `outcome` = 'failed'), 0) AS jm_failed,
        jm_usable AND ifNull(isNotNull(`emotion`), 0) AS jm_has_emotion,
        if(jm_has_emotion, ifNull(toInt64(if(toFloat64(`emotion`) * 1000 < 0, -floor(0.5 - toFloat64(`emotion`) * 1000), floor(toFloat64(`emotion`) * 1000 + 0.5))), 0), 0) AS jm_emotion_milli
      FROM `events`
    )
    GROUP BY jm_touchpoint
  )
  ARRAY JOIN [('events', events), ('failing', failing), ('emotion_count', emotion_count), ('emotion_sum_milli', emotion_sum_milli), ('bad_rows', bad_rows)] AS m
  WHERE (measure != 'emotion_sum_milli' AND value > 0) OR (measure = 'emotion_sum_milli' AND emotion_count > 0)

  UNION ALL

  -- 5. the result rows of the funnels: customers, reached, drop-off, histograms
  SELECT measure, '' AS touchpoint, step, bucket, toInt64(count()) AS value
  FROM
  (
    -- 4. one row per measure: reached, drop-off, and the bucket (analytics.BucketOf) and chart bin
    --    (0 under one second, else floor(log2(whole seconds)) + 1) of each time to convert
    SELECT
      if(funnel = 'customers', 'customers', concat(funnel, '_', m)) AS measure,
      toInt64(step) AS step,
      if(m IN ('from_previous', 'from_previous_bins'), d_prev, d_start) AS d,
      toInt64(floor(log2(toFloat64(greatest(d, 1))))) + multiIf(bitShiftRight(d, toInt64(floor(log2(toFloat64(greatest(d, 1)))))) = 0, -1, bitShiftRight(d, toInt64(floor(log2(toFloat64(greatest(d, 1)))))) >= 2, 1, 0) AS e,
      multiIf(m IN ('reached', 'drop_off'), toInt64(0), m IN ('from_previous_bins', 'from_start_bins'), greatest(e - 29 + toInt64(d >= bitShiftLeft(toInt64(1000000000), greatest(e - 29, 0))), 0), toInt64((greatest(e, 7) - 6) * 128 + bitShiftRight(d, greatest(e, 7) - 7) - 128)) AS bucket
    FROM
    (
      -- 3. one row per customer and step reached (step: the touchpoint that reached it; position:
      --    the step on the route), whether it is the furthest step short of the last (dropped),
      --    and the times to convert
      SELECT funnel, position, step, dropped, d_prev, d_start
      FROM
      (
        -- 2. one column per step: step i is reached at the earliest time on it strictly
        --    after step i-1, no later than the window after step 0; of a step's
        --    alternatives, the first in journey order with an event then (via)
        SELECT *,
        -- touchpoint step 1: Watches a TikTok review by a running coach or Hears about the shop from a friend at the Saturday running c…
        arrayFilter(x -> x > touchpoint_0_at AND x - touchpoint_0_at <= 2592000000000000, touch_1_times) AS touch_1_candidates,
        arrayFilter(x -> x > touchpoint_0_at AND x - touchpoint_0_at <= 2592000000000000, touch_2_times) AS touch_2_candidates,
        arrayConcat(touch_1_candidates, touch_2_candidates) AS touchpoint_1_candidates,
        touchpoint_0_reached AND notEmpty(touchpoint_1_candidates) AS touchpoint_1_reached,
        arrayReduce('min', touchpoint_1_candidates) AS touchpoint_1_at,
        multiIf(has(touch_1_candidates, touchpoint_1_at), 1, has(touch_2_candidates, touchpoint_1_at), 2, -1) AS touchpoint_1_via,
        -- touchpoint step 2: Searches Google for "giày chạy bộ Sải Bước review"
        arrayFilter(x -> x > touchpoint_1_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_2_times) AS touchpoint_2_candidates,
        touchpoint_1_reached AND notEmpty(touchpoint_2_candidates) AS touchpoint_2_reached,
        arrayReduce('min', touchpoint_2_candidates) AS touchpoint_2_at,
        -- touchpoint step 3: Reads the product page and size guide
        arrayFilter(x -> x > touchpoint_2_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_3_times) AS touchpoint_3_candidates,
        touchpoint_2_reached AND notEmpty(touchpoint_3_candidates) AS touchpoint_3_reached,
        arrayReduce('min', touchpoint_3_candidates) AS touchpoint_3_at,
        -- touchpoint step 4: Compares prices on the Shopee Mall store or Tries the shoes on at the Nguyễn Trãi store
        arrayFilter(x -> x > touchpoint_3_at AND x - touchpoint_0_at <= 2592000000000000, touch_5_times) AS touch_5_candidates,
        arrayFilter(x -> x > touchpoint_3_at AND x - touchpoint_0_at <= 2592000000000000, touch_6_times) AS touch_6_candidates,
        arrayConcat(touch_5_candidates, touch_6_candidates) AS touchpoint_4_candidates,
        touchpoint_3_reached AND notEmpty(touchpoint_4_candidates) AS touchpoint_4_reached,
        arrayReduce('min', touchpoint_4_candidates) AS touchpoint_4_at,
        multiIf(has(touch_5_candidates, touchpoint_4_at), 5, has(touch_6_candidates, touchpoint_4_at), 6, -1) AS touchpoint_4_via,
        -- touchpoint step 5: Asks the website chat which size to order
        arrayFilter(x -> x > touchpoint_4_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_5_times) AS touchpoint_5_candidates,
        touchpoint_4_reached AND notEmpty(touchpoint_5_candidates) AS touchpoint_5_reached,
        arrayReduce('min', touchpoint_5_candidates) AS touchpoint_5_at,
        -- touchpoint step 6: Reviews the cart and sees the shipping fee for the first tim…
        arrayFilter(x -> x > touchpoint_5_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_6_times) AS touchpoint_6_candidates,
        touchpoint_5_reached AND notEmpty(touchpoint_6_candidates) AS touchpoint_6_reached,
        arrayReduce('min', touchpoint_6_candidates) AS touchpoint_6_at,
        -- touchpoint step 7: Fills in the checkout form and pays by MoMo
        arrayFilter(x -> x > touchpoint_6_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_7_times) AS touchpoint_7_candidates,
        touchpoint_6_reached AND notEmpty(touchpoint_7_candidates) AS touchpoint_7_reached,
        arrayReduce('min', touchpoint_7_candidates) AS touchpoint_7_at,
        -- touchpoint step 8: Receives the order confirmation email
        arrayFilter(x -> x > touchpoint_7_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_8_times) AS touchpoint_8_candidates,
        touchpoint_7_reached AND notEmpty(touchpoint_8_candidates) AS touchpoint_8_reached,
        arrayReduce('min', touchpoint_8_candidates) AS touchpoint_8_at,
        -- touchpoint step 9: Gets SMS updates from the courier
        arrayFilter(x -> x > touchpoint_8_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_9_times) AS touchpoint_9_candidates,
        touchpoint_8_reached AND notEmpty(touchpoint_9_candidates) AS touchpoint_9_reached,
        arrayReduce('min', touchpoint_9_candidates) AS touchpoint_9_at,
        -- touchpoint step 10: The courier hands over the parcel at the office lobby
        arrayFilter(x -> x > touchpoint_9_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_10_times) AS touchpoint_10_candidates,
        touchpoint_9_reached AND notEmpty(touchpoint_10_candidates) AS touchpoint_10_reached,
        arrayReduce('min', touchpoint_10_candidates) AS touchpoint_10_at,
        -- touchpoint step 11: Opens the box and finds a care card and a size-exchange note
        arrayFilter(x -> x > touchpoint_10_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_11_times) AS touchpoint_11_candidates,
        touchpoint_10_reached AND notEmpty(touchpoint_11_candidates) AS touchpoint_11_reached,
        arrayReduce('min', touchpoint_11_candidates) AS touchpoint_11_at,
        -- touchpoint step 12: Calls the hotline to exchange the size
        arrayFilter(x -> x > touchpoint_11_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_12_times) AS touchpoint_12_candidates,
        touchpoint_11_reached AND notEmpty(touchpoint_12_candidates) AS touchpoint_12_reached,
        arrayReduce('min', touchpoint_12_candidates) AS touchpoint_12_at,
        -- touchpoint step 13: Exchanges the shoes at the store instead
        arrayFilter(x -> x > touchpoint_12_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_13_times) AS touchpoint_13_candidates,
        touchpoint_12_reached AND notEmpty(touchpoint_13_candidates) AS touchpoint_13_reached,
        arrayReduce('min', touchpoint_13_candidates) AS touchpoint_13_at,
        -- touchpoint step 14: Receives an email asking for a review
        arrayFilter(x -> x > touchpoint_13_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_14_times) AS touchpoint_14_candidates,
        touchpoint_13_reached AND notEmpty(touchpoint_14_candidates) AS touchpoint_14_reached,
        arrayReduce('min', touchpoint_14_candidates) AS touchpoint_14_at,
        -- touchpoint step 15: Opens the loyalty app to check her points
        arrayFilter(x -> x > touchpoint_14_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_15_times) AS touchpoint_15_candidates,
        touchpoint_14_reached AND notEmpty(touchpoint_15_candidates) AS touchpoint_15_reached,
        arrayReduce('min', touchpoint_15_candidates) AS touchpoint_15_at,
        -- touchpoint step 16: Tells her running club about the shop
        arrayFilter(x -> x > touchpoint_15_at AND x - touchpoint_0_at <= 2592000000000000, touchpoint_16_times) AS touchpoint_16_candidates,
        touchpoint_15_reached AND notEmpty(touchpoint_16_candidates) AS touchpoint_16_reached,
        arrayReduce('min', touchpoint_16_candidates) AS touchpoint_16_at,
        -- stage step 1: Consideration
        arrayFilter(x -> x > stage_0_at AND x - stage_0_at <= 2592000000000000, stage_1_times) AS stage_1_candidates,
        stage_0_reached AND notEmpty(stage_1_candidates) AS stage_1_reached,
        arrayReduce('min', stage_1_candidates) AS stage_1_at,
        -- stage step 2: Purchase
        arrayFilter(x -> x > stage_1_at AND x - stage_0_at <= 2592000000000000, stage_2_times) AS stage_2_candidates,
        stage_1_reached AND notEmpty(stage_2_candidates) AS stage_2_reached,
        arrayReduce('min', stage_2_candidates) AS stage_2_at,
        -- stage step 3: Delivery
        arrayFilter(x -> x > stage_2_at AND x - stage_0_at <= 2592000000000000, stage_3_times) AS stage_3_candidates,
        stage_2_reached AND notEmpty(stage_3_candidates) AS stage_3_reached,
        arrayReduce('min', stage_3_candidates) AS stage_3_at,
        -- stage step 4: Use and support
        arrayFilter(x -> x > stage_3_at AND x - stage_0_at <= 2592000000000000, stage_4_times) AS stage_4_candidates,
        stage_3_reached AND notEmpty(stage_4_candidates) AS stage_4_reached,
        arrayReduce('min', stage_4_candidates) AS stage_4_at,
        -- stage step 5: Loyalty and advocacy
        arrayFilter(x -> x > stage_4_at AND x - stage_0_at <= 2592000000000000, stage_5_times) AS stage_5_candidates,
        stage_4_reached AND notEmpty(stage_5_candidates) AS stage_5_reached,
        arrayReduce('min', stage_5_candidates) AS stage_5_at
        FROM
        (
          -- 1. per customer: the first time on the first step, and the times on every later step
          --    (on each alternative of a step with alternatives)
          SELECT jm_customer,
            countIf(jm_touchpoint_step = 0) > 0 AS touchpoint_0_reached,
            minIf(jm_t, jm_touchpoint_step = 0) AS touchpoint_0_at,
            groupArrayIf(jm_t, jm_touch = 1) AS touch_1_times,
            groupArrayIf(jm_t, jm_touch = 2) AS touch_2_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 2) AS touchpoint_2_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 3) AS touchpoint_3_times,
            groupArrayIf(jm_t, jm_touch = 5) AS touch_5_times,
            groupArrayIf(jm_t, jm_touch = 6) AS touch_6_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 5) AS touchpoint_5_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 6) AS touchpoint_6_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 7) AS touchpoint_7_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 8) AS touchpoint_8_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 9) AS touchpoint_9_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 10) AS touchpoint_10_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 11) AS touchpoint_11_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 12) AS touchpoint_12_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 13) AS touchpoint_13_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 14) AS touchpoint_14_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 15) AS touchpoint_15_times,
            groupArrayIf(jm_t, jm_touchpoint_step = 16) AS touchpoint_16_times,
            countIf(jm_stage_step = 0) > 0 AS stage_0_reached,
            minIf(jm_t, jm_stage_step = 0) AS stage_0_at,
            groupArrayIf(jm_t, jm_stage_step = 1) AS stage_1_times,
            groupArrayIf(jm_t, jm_stage_step = 2) AS stage_2_times,
            groupArrayIf(jm_t, jm_stage_step = 3) AS stage_3_times,
            groupArrayIf(jm_t, jm_stage_step = 4) AS stage_4_times,
            groupArrayIf(jm_t, jm_stage_step = 5) AS stage_5_times
          FROM
          (
            -- 0. the usable events on planned touchpoints, time in nanoseconds since 1970,
            --    with the touchpoint, its step on the route (alternatives share one) and its
            --    stage's step (-1: not planned)
            SELECT toString(`customer_id`) AS jm_customer, toInt64(`ts`) * 1000000000 AS jm_t,
              transform(ifNull(`touchpoint`, ''), ['0d76b663-2159-4d28-9b29-fc3ef2bf4812', '1635b389-cb37-4e1e-9db7-5531b83bda4f', '1a6114bb-58f0-4405-a957-9cc7b8e09b4c', '31796b8c-f775-4825-8979-6e8561048523', '41f45360-89b5-45f1-878d-070304aa30ea', '4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', '59b019b7-7904-4b67-a462-ed6b6bc971bd', '6100e2ae-0a23-4a02-8a16-fcf35ef90c30', '74e91e2c-65dd-413c-ad7b-cab28dfad604', 'Asks the website chat which size to order', 'Calls the hotline to exchange the size', 'Compares prices on the Shopee Mall store', 'Exchanges the shoes at the store instead', 'Fills in the checkout form and pays by MoMo', 'Gets SMS updates from the courier', 'Hears about the shop from a friend at the Saturday running club', 'Opens the box and finds a care card and a size-exchange note', 'Opens the loyalty app to check her points', 'Reads the product page and size guide', 'Receives an email asking for a review', 'Receives the order confirmation email', 'Reviews the cart and sees the shipping fee for the first time', 'Searches Google for "giày chạy bộ Sải Bước review"', 'Sees a Facebook carousel ad for the new Sải Bước running line', 'Tells her running club about the shop', 'The courier hands over the parcel at the office lobby', 'Tries the shoes on at the Nguyễn Trãi store', 'Watches a TikTok review by a running coach', 'a359d2d9-d3b6-4a6f-a81e-891dc566e729', 'ad5c6d24-2309-4c41-bbdd-92782bd167a2', 'b7551359-1748-44db-82e3-933fc061ea9c', 'c3204d47-e7ae-4608-a607-3dbd1f667ee7', 'c500b3d7-cc91-486d-ae76-88de0cb3e49a', 'c60af9d1-daf9-429d-946d-65dab5b06429', 'ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 'd3603b0c-970e-41aa-8259-c7d429dbafcc', 'e8f5d0c5-c47d-4658-921c-20e99ddc786f', 'eac64f96-ba95-4f1d-a84c-2333bc397fa4'], [8, 4, 9, 2, 3, 6, 12, 15, 18, 7, 14, 5, 15, 9, 11, 2, 13, 17, 4, 16, 10, 8, 3, 0, 18, 12, 6, 1, 7, 0, 14, 1, 11, 17, 5, 10, 13, 16], -1) AS jm_touch,
              transform(ifNull(`touchpoint`, ''), ['0d76b663-2159-4d28-9b29-fc3ef2bf4812', '1635b389-cb37-4e1e-9db7-5531b83bda4f', '1a6114bb-58f0-4405-a957-9cc7b8e09b4c', '31796b8c-f775-4825-8979-6e8561048523', '41f45360-89b5-45f1-878d-070304aa30ea', '4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', '59b019b7-7904-4b67-a462-ed6b6bc971bd', '6100e2ae-0a23-4a02-8a16-fcf35ef90c30', '74e91e2c-65dd-413c-ad7b-cab28dfad604', 'Asks the website chat which size to order', 'Calls the hotline to exchange the size', 'Compares prices on the Shopee Mall store', 'Exchanges the shoes at the store instead', 'Fills in the checkout form and pays by MoMo', 'Gets SMS updates from the courier', 'Hears about the shop from a friend at the Saturday running club', 'Opens the box and finds a care card and a size-exchange note', 'Opens the loyalty app to check her points', 'Reads the product page and size guide', 'Receives an email asking for a review', 'Receives the order confirmation email', 'Reviews the cart and sees the shipping fee for the first time', 'Searches Google for "giày chạy bộ Sải Bước review"', 'Sees a Facebook carousel ad for the new Sải Bước running line', 'Tells her running club about the shop', 'The courier hands over the parcel at the office lobby', 'Tries the shoes on at the Nguyễn Trãi store', 'Watches a TikTok review by a running coach', 'a359d2d9-d3b6-4a6f-a81e-891dc566e729', 'ad5c6d24-2309-4c41-bbdd-92782bd167a2', 'b7551359-1748-44db-82e3-933fc061ea9c', 'c3204d47-e7ae-4608-a607-3dbd1f667ee7', 'c500b3d7-cc91-486d-ae76-88de0cb3e49a', 'c60af9d1-daf9-429d-946d-65dab5b06429', 'ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 'd3603b0c-970e-41aa-8259-c7d429dbafcc', 'e8f5d0c5-c47d-4658-921c-20e99ddc786f', 'eac64f96-ba95-4f1d-a84c-2333bc397fa4'], [6, 3, 7, 1, 2, 4, 10, 13, 16, 5, 12, 4, 13, 7, 9, 1, 11, 15, 3, 14, 8, 6, 2, 0, 16, 10, 4, 1, 5, 0, 12, 1, 9, 15, 4, 8, 11, 14], -1) AS jm_touchpoint_step,
              transform(ifNull(`touchpoint`, ''), ['0d76b663-2159-4d28-9b29-fc3ef2bf4812', '1635b389-cb37-4e1e-9db7-5531b83bda4f', '1a6114bb-58f0-4405-a957-9cc7b8e09b4c', '31796b8c-f775-4825-8979-6e8561048523', '41f45360-89b5-45f1-878d-070304aa30ea', '4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', '59b019b7-7904-4b67-a462-ed6b6bc971bd', '6100e2ae-0a23-4a02-8a16-fcf35ef90c30', '74e91e2c-65dd-413c-ad7b-cab28dfad604', 'Asks the website chat which size to order', 'Calls the hotline to exchange the size', 'Compares prices on the Shopee Mall store', 'Exchanges the shoes at the store instead', 'Fills in the checkout form and pays by MoMo', 'Gets SMS updates from the courier', 'Hears about the shop from a friend at the Saturday running club', 'Opens the box and finds a care card and a size-exchange note', 'Opens the loyalty app to check her points', 'Reads the product page and size guide', 'Receives an email asking for a review', 'Receives the order confirmation email', 'Reviews the cart and sees the shipping fee for the first time', 'Searches Google for "giày chạy bộ Sải Bước review"', 'Sees a Facebook carousel ad for the new Sải Bước running line', 'Tells her running club about the shop', 'The courier hands over the parcel at the office lobby', 'Tries the shoes on at the Nguyễn Trãi store', 'Watches a TikTok review by a running coach', 'a359d2d9-d3b6-4a6f-a81e-891dc566e729', 'ad5c6d24-2309-4c41-bbdd-92782bd167a2', 'b7551359-1748-44db-82e3-933fc061ea9c', 'c3204d47-e7ae-4608-a607-3dbd1f667ee7', 'c500b3d7-cc91-486d-ae76-88de0cb3e49a', 'c60af9d1-daf9-429d-946d-65dab5b06429', 'ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 'd3603b0c-970e-41aa-8259-c7d429dbafcc', 'e8f5d0c5-c47d-4658-921c-20e99ddc786f', 'eac64f96-ba95-4f1d-a84c-2333bc397fa4'], [2, 1, 2, 0, 1, 1, 3, 4, 5, 1, 4, 1, 4, 2, 3, 0, 3, 5, 1, 5, 2, 2, 1, 0, 5, 3, 1, 0, 1, 0, 4, 0, 3, 5, 1, 2, 3, 5], -1) AS jm_stage_step
            FROM `events`
            WHERE ifNull((isNotNull(`customer_id`)
              AND toString(`customer_id`) != ''
              AND isNotNull(`touchpoint`)
              AND `touchpoint` != ''
              AND isNotNull(`ts`)
              AND (isNull(`outcome`) OR `outcome` IN ('', 'ok', 'failed'))
              AND (isNull(`emotion`) OR (toFloat64(`emotion`) >= -2 AND toFloat64(`emotion`) <= 2))), 0)
          )
          GROUP BY jm_customer
        )
      )
      ARRAY JOIN
        ['customers', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'touchpoint', 'stage', 'stage', 'stage', 'stage', 'stage', 'stage'] AS funnel,
        [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0, 1, 2, 3, 4, 5] AS position,
        [toInt64(0), toInt64(0), toInt64(touchpoint_1_via), toInt64(3), toInt64(4), toInt64(touchpoint_4_via), toInt64(7), toInt64(8), toInt64(9), toInt64(10), toInt64(11), toInt64(12), toInt64(13), toInt64(14), toInt64(15), toInt64(16), toInt64(17), toInt64(18), toInt64(0), toInt64(1), toInt64(2), toInt64(3), toInt64(4), toInt64(5)] AS step,
        [1, touchpoint_0_reached, touchpoint_1_reached, touchpoint_2_reached, touchpoint_3_reached, touchpoint_4_reached, touchpoint_5_reached, touchpoint_6_reached, touchpoint_7_reached, touchpoint_8_reached, touchpoint_9_reached, touchpoint_10_reached, touchpoint_11_reached, touchpoint_12_reached, touchpoint_13_reached, touchpoint_14_reached, touchpoint_15_reached, touchpoint_16_reached, stage_0_reached, stage_1_reached, stage_2_reached, stage_3_reached, stage_4_reached, stage_5_reached] AS reached,
        [0, touchpoint_0_reached AND NOT touchpoint_1_reached, touchpoint_1_reached AND NOT touchpoint_2_reached, touchpoint_2_reached AND NOT touchpoint_3_reached, touchpoint_3_reached AND NOT touchpoint_4_reached, touchpoint_4_reached AND NOT touchpoint_5_reached, touchpoint_5_reached AND NOT touchpoint_6_reached, touchpoint_6_reached AND NOT touchpoint_7_reached, touchpoint_7_reached AND NOT touchpoint_8_reached, touchpoint_8_reached AND NOT touchpoint_9_reached, touchpoint_9_reached AND NOT touchpoint_10_reached, touchpoint_10_reached AND NOT touchpoint_11_reached, touchpoint_11_reached AND NOT touchpoint_12_reached, touchpoint_12_reached AND NOT touchpoint_13_reached, touchpoint_13_reached AND NOT touchpoint_14_reached, touchpoint_14_reached AND NOT touchpoint_15_reached, touchpoint_15_reached AND NOT touchpoint_16_reached, 0, stage_0_reached AND NOT stage_1_reached, stage_1_reached AND NOT stage_2_reached, stage_2_reached AND NOT stage_3_reached, stage_3_reached AND NOT stage_4_reached, stage_4_reached AND NOT stage_5_reached, 0] AS dropped,
        [0, 0, touchpoint_1_at - touchpoint_0_at, touchpoint_2_at - touchpoint_1_at, touchpoint_3_at - touchpoint_2_at, touchpoint_4_at - touchpoint_3_at, touchpoint_5_at - touchpoint_4_at, touchpoint_6_at - touchpoint_5_at, touchpoint_7_at - touchpoint_6_at, touchpoint_8_at - touchpoint_7_at, touchpoint_9_at - touchpoint_8_at, touchpoint_10_at - touchpoint_9_at, touchpoint_11_at - touchpoint_10_at, touchpoint_12_at - touchpoint_11_at, touchpoint_13_at - touchpoint_12_at, touchpoint_14_at - touchpoint_13_at, touchpoint_15_at - touchpoint_14_at, touchpoint_16_at - touchpoint_15_at, 0, stage_1_at - stage_0_at, stage_2_at - stage_1_at, stage_3_at - stage_2_at, stage_4_at - stage_3_at, stage_5_at - stage_4_at] AS d_prev,
        [0, 0, touchpoint_1_at - touchpoint_0_at, touchpoint_2_at - touchpoint_0_at, touchpoint_3_at - touchpoint_0_at, touchpoint_4_at - touchpoint_0_at, touchpoint_5_at - touchpoint_0_at, touchpoint_6_at - touchpoint_0_at, touchpoint_7_at - touchpoint_0_at, touchpoint_8_at - touchpoint_0_at, touchpoint_9_at - touchpoint_0_at, touchpoint_10_at - touchpoint_0_at, touchpoint_11_at - touchpoint_0_at, touchpoint_12_at - touchpoint_0_at, touchpoint_13_at - touchpoint_0_at, touchpoint_14_at - touchpoint_0_at, touchpoint_15_at - touchpoint_0_at, touchpoint_16_at - touchpoint_0_at, 0, stage_1_at - stage_0_at, stage_2_at - stage_0_at, stage_3_at - stage_0_at, stage_4_at - stage_0_at, stage_5_at - stage_0_at] AS d_start
      WHERE reached
    )
    ARRAY JOIN ['reached', 'drop_off', 'from_previous', 'from_start', 'from_previous_bins', 'from_start_bins'] AS m
    WHERE m = 'reached' OR (m = 'drop_off' AND dropped) OR (m NOT IN ('reached', 'drop_off') AND funnel != 'customers' AND position > 0)
  )
  GROUP BY measure, step, bucket
)
ORDER BY measure, touchpoint, step, bucket

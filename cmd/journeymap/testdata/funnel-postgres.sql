-- journeymap funnel for journey 2802c4b1-752d-452a-924d-bd993bf03cbc (Buying running shoes online at Sải Bước (current state)), postgres dialect
-- order mode: anchored greedy; conversion window 2592000000000000 ns (720h0m0s)
-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)
WITH
-- 1. the planned touchpoint keys: the touchpoint (its index in the journey), its step on the
--    route (alternatives share one) and its stage's step
planned_keys(touchpoint, touch, touchpoint_step, stage_step) AS (
  VALUES
    (E'0d76b663-2159-4d28-9b29-fc3ef2bf4812', 8, 6, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    (E'1635b389-cb37-4e1e-9db7-5531b83bda4f', 4, 3, 1), -- Reads the product page and size guide
    (E'1a6114bb-58f0-4405-a957-9cc7b8e09b4c', 9, 7, 2), -- Fills in the checkout form and pays by MoMo
    (E'31796b8c-f775-4825-8979-6e8561048523', 2, 1, 0), -- Hears about the shop from a friend at the Saturday running c…
    (E'41f45360-89b5-45f1-878d-070304aa30ea', 3, 2, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    (E'4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', 6, 4, 1), -- Tries the shoes on at the Nguyễn Trãi store
    (E'59b019b7-7904-4b67-a462-ed6b6bc971bd', 12, 10, 3), -- The courier hands over the parcel at the office lobby
    (E'6100e2ae-0a23-4a02-8a16-fcf35ef90c30', 15, 13, 4), -- Exchanges the shoes at the store instead
    (E'74e91e2c-65dd-413c-ad7b-cab28dfad604', 18, 16, 5), -- Tells her running club about the shop
    (E'Asks the website chat which size to order', 7, 5, 1), -- Asks the website chat which size to order
    (E'Calls the hotline to exchange the size', 14, 12, 4), -- Calls the hotline to exchange the size
    (E'Compares prices on the Shopee Mall store', 5, 4, 1), -- Compares prices on the Shopee Mall store
    (E'Exchanges the shoes at the store instead', 15, 13, 4), -- Exchanges the shoes at the store instead
    (E'Fills in the checkout form and pays by MoMo', 9, 7, 2), -- Fills in the checkout form and pays by MoMo
    (E'Gets SMS updates from the courier', 11, 9, 3), -- Gets SMS updates from the courier
    (E'Hears about the shop from a friend at the Saturday running club', 2, 1, 0), -- Hears about the shop from a friend at the Saturday running c…
    (E'Opens the box and finds a care card and a size-exchange note', 13, 11, 3), -- Opens the box and finds a care card and a size-exchange note
    (E'Opens the loyalty app to check her points', 17, 15, 5), -- Opens the loyalty app to check her points
    (E'Reads the product page and size guide', 4, 3, 1), -- Reads the product page and size guide
    (E'Receives an email asking for a review', 16, 14, 5), -- Receives an email asking for a review
    (E'Receives the order confirmation email', 10, 8, 2), -- Receives the order confirmation email
    (E'Reviews the cart and sees the shipping fee for the first time', 8, 6, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    (E'Searches Google for "giày chạy bộ Sải Bước review"', 3, 2, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    (E'Sees a Facebook carousel ad for the new Sải Bước running line', 0, 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    (E'Tells her running club about the shop', 18, 16, 5), -- Tells her running club about the shop
    (E'The courier hands over the parcel at the office lobby', 12, 10, 3), -- The courier hands over the parcel at the office lobby
    (E'Tries the shoes on at the Nguyễn Trãi store', 6, 4, 1), -- Tries the shoes on at the Nguyễn Trãi store
    (E'Watches a TikTok review by a running coach', 1, 1, 0), -- Watches a TikTok review by a running coach
    (E'a359d2d9-d3b6-4a6f-a81e-891dc566e729', 7, 5, 1), -- Asks the website chat which size to order
    (E'ad5c6d24-2309-4c41-bbdd-92782bd167a2', 0, 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    (E'b7551359-1748-44db-82e3-933fc061ea9c', 14, 12, 4), -- Calls the hotline to exchange the size
    (E'c3204d47-e7ae-4608-a607-3dbd1f667ee7', 1, 1, 0), -- Watches a TikTok review by a running coach
    (E'c500b3d7-cc91-486d-ae76-88de0cb3e49a', 11, 9, 3), -- Gets SMS updates from the courier
    (E'c60af9d1-daf9-429d-946d-65dab5b06429', 17, 15, 5), -- Opens the loyalty app to check her points
    (E'ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 5, 4, 1), -- Compares prices on the Shopee Mall store
    (E'd3603b0c-970e-41aa-8259-c7d429dbafcc', 10, 8, 2), -- Receives the order confirmation email
    (E'e8f5d0c5-c47d-4658-921c-20e99ddc786f', 13, 11, 3), -- Opens the box and finds a care card and a size-exchange note
    (E'eac64f96-ba95-4f1d-a84c-2333bc397fa4', 16, 14, 5) -- Receives an email asking for a review
),
-- 2. every row of the table: usable or a bad row; time in nanoseconds since 1970
source_rows AS (
  SELECT r.customer, r.touchpoint, r.usable,
    CASE WHEN r.usable THEN CAST(EXTRACT(EPOCH FROM r.ts) * 1000000 AS BIGINT) * 1000 END AS t,
    r.usable AND r.failed AS failed,
    r.usable AND r.emotion IS NOT NULL AS has_emotion,
    CASE WHEN r.usable THEN CAST(sign(r.emotion * 1000) * floor(abs(r.emotion * 1000) + 0.5) AS BIGINT) END AS emotion_milli
  FROM (
    SELECT
      CAST("customer_id" AS text) AS customer,
      COALESCE("touchpoint", '') AS touchpoint,
      "ts" AS ts,
      COALESCE("outcome" = 'failed', false) AS failed,
      CAST("emotion" AS double precision) AS emotion,
      ("customer_id" IS NOT NULL
      AND CAST("customer_id" AS text) <> ''
      AND "touchpoint" IS NOT NULL
      AND "touchpoint" <> ''
      AND "ts" IS NOT NULL
      AND "ts" >= '1678-01-01 00:00:00+00'
      AND "ts" < '2262-01-01 00:00:00+00'
      AND ("outcome" IS NULL OR "outcome" IN ('', 'ok', 'failed'))
      AND ("emotion" IS NULL OR CAST("emotion" AS double precision) BETWEEN -2 AND 2)) AS usable
    FROM "events"
  ) AS r
),
-- 3. events and bad rows per touchpoint key
by_key AS (
  SELECT touchpoint,
    count(*) FILTER (WHERE usable) AS events,
    count(*) FILTER (WHERE failed) AS failing,
    count(*) FILTER (WHERE has_emotion) AS emotion_count,
    COALESCE(sum(emotion_milli), 0) AS emotion_sum_milli,
    count(*) FILTER (WHERE NOT usable) AS bad_rows
  FROM source_rows
  GROUP BY touchpoint
),
-- 4. per customer: the first time on step 0, and the times on every later step (on each
--    alternative of a step with alternatives)
customers AS (
  SELECT s.customer,
    min(s.t) FILTER (WHERE k.touchpoint_step = 0) AS touchpoint_0_at,
    array_agg(s.t) FILTER (WHERE k.touch = 1) AS touch_1_times,
    array_agg(s.t) FILTER (WHERE k.touch = 2) AS touch_2_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 2) AS touchpoint_2_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 3) AS touchpoint_3_times,
    array_agg(s.t) FILTER (WHERE k.touch = 5) AS touch_5_times,
    array_agg(s.t) FILTER (WHERE k.touch = 6) AS touch_6_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 5) AS touchpoint_5_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 6) AS touchpoint_6_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 7) AS touchpoint_7_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 8) AS touchpoint_8_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 9) AS touchpoint_9_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 10) AS touchpoint_10_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 11) AS touchpoint_11_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 12) AS touchpoint_12_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 13) AS touchpoint_13_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 14) AS touchpoint_14_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 15) AS touchpoint_15_times,
    array_agg(s.t) FILTER (WHERE k.touchpoint_step = 16) AS touchpoint_16_times,
    min(s.t) FILTER (WHERE k.stage_step = 0) AS stage_0_at,
    array_agg(s.t) FILTER (WHERE k.stage_step = 1) AS stage_1_times,
    array_agg(s.t) FILTER (WHERE k.stage_step = 2) AS stage_2_times,
    array_agg(s.t) FILTER (WHERE k.stage_step = 3) AS stage_3_times,
    array_agg(s.t) FILTER (WHERE k.stage_step = 4) AS stage_4_times,
    array_agg(s.t) FILTER (WHERE k.stage_step = 5) AS stage_5_times
  FROM source_rows AS s
  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
  GROUP BY s.customer
),
-- 5. the steps, one LATERAL subquery per step: step i is reached at the earliest time on
--    it strictly after step i-1, no later than the window after step 0 (NULL: not reached);
--    of a step's alternatives, the first in journey order with an event at that time
reached AS (
  SELECT *
  FROM customers AS c
  CROSS JOIN LATERAL ( -- touchpoint step 1: Watches a TikTok review by a running coach or Hears about the shop from a friend at the Saturday running c…
    SELECT min(x) AS touchpoint_1_at, (array_agg(k ORDER BY x, k))[1] AS touchpoint_1_via
    FROM (SELECT x, 1 AS k FROM unnest(c.touch_1_times) AS x UNION ALL SELECT x, 2 AS k FROM unnest(c.touch_2_times) AS x) AS u
    WHERE x > touchpoint_0_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_1
  CROSS JOIN LATERAL ( -- touchpoint step 2: Searches Google for "giày chạy bộ Sải Bước review"
    SELECT min(x) AS touchpoint_2_at FROM unnest(c.touchpoint_2_times) AS x WHERE x > touchpoint_1_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_2
  CROSS JOIN LATERAL ( -- touchpoint step 3: Reads the product page and size guide
    SELECT min(x) AS touchpoint_3_at FROM unnest(c.touchpoint_3_times) AS x WHERE x > touchpoint_2_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_3
  CROSS JOIN LATERAL ( -- touchpoint step 4: Compares prices on the Shopee Mall store or Tries the shoes on at the Nguyễn Trãi store
    SELECT min(x) AS touchpoint_4_at, (array_agg(k ORDER BY x, k))[1] AS touchpoint_4_via
    FROM (SELECT x, 5 AS k FROM unnest(c.touch_5_times) AS x UNION ALL SELECT x, 6 AS k FROM unnest(c.touch_6_times) AS x) AS u
    WHERE x > touchpoint_3_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_4
  CROSS JOIN LATERAL ( -- touchpoint step 5: Asks the website chat which size to order
    SELECT min(x) AS touchpoint_5_at FROM unnest(c.touchpoint_5_times) AS x WHERE x > touchpoint_4_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_5
  CROSS JOIN LATERAL ( -- touchpoint step 6: Reviews the cart and sees the shipping fee for the first tim…
    SELECT min(x) AS touchpoint_6_at FROM unnest(c.touchpoint_6_times) AS x WHERE x > touchpoint_5_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_6
  CROSS JOIN LATERAL ( -- touchpoint step 7: Fills in the checkout form and pays by MoMo
    SELECT min(x) AS touchpoint_7_at FROM unnest(c.touchpoint_7_times) AS x WHERE x > touchpoint_6_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_7
  CROSS JOIN LATERAL ( -- touchpoint step 8: Receives the order confirmation email
    SELECT min(x) AS touchpoint_8_at FROM unnest(c.touchpoint_8_times) AS x WHERE x > touchpoint_7_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_8
  CROSS JOIN LATERAL ( -- touchpoint step 9: Gets SMS updates from the courier
    SELECT min(x) AS touchpoint_9_at FROM unnest(c.touchpoint_9_times) AS x WHERE x > touchpoint_8_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_9
  CROSS JOIN LATERAL ( -- touchpoint step 10: The courier hands over the parcel at the office lobby
    SELECT min(x) AS touchpoint_10_at FROM unnest(c.touchpoint_10_times) AS x WHERE x > touchpoint_9_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_10
  CROSS JOIN LATERAL ( -- touchpoint step 11: Opens the box and finds a care card and a size-exchange note
    SELECT min(x) AS touchpoint_11_at FROM unnest(c.touchpoint_11_times) AS x WHERE x > touchpoint_10_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_11
  CROSS JOIN LATERAL ( -- touchpoint step 12: Calls the hotline to exchange the size
    SELECT min(x) AS touchpoint_12_at FROM unnest(c.touchpoint_12_times) AS x WHERE x > touchpoint_11_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_12
  CROSS JOIN LATERAL ( -- touchpoint step 13: Exchanges the shoes at the store instead
    SELECT min(x) AS touchpoint_13_at FROM unnest(c.touchpoint_13_times) AS x WHERE x > touchpoint_12_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_13
  CROSS JOIN LATERAL ( -- touchpoint step 14: Receives an email asking for a review
    SELECT min(x) AS touchpoint_14_at FROM unnest(c.touchpoint_14_times) AS x WHERE x > touchpoint_13_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_14
  CROSS JOIN LATERAL ( -- touchpoint step 15: Opens the loyalty app to check her points
    SELECT min(x) AS touchpoint_15_at FROM unnest(c.touchpoint_15_times) AS x WHERE x > touchpoint_14_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_15
  CROSS JOIN LATERAL ( -- touchpoint step 16: Tells her running club about the shop
    SELECT min(x) AS touchpoint_16_at FROM unnest(c.touchpoint_16_times) AS x WHERE x > touchpoint_15_at AND x - touchpoint_0_at <= 2592000000000000
  ) AS touchpoint_16
  CROSS JOIN LATERAL ( -- stage step 1: Consideration
    SELECT min(x) AS stage_1_at FROM unnest(c.stage_1_times) AS x WHERE x > stage_0_at AND x - stage_0_at <= 2592000000000000
  ) AS stage_1
  CROSS JOIN LATERAL ( -- stage step 2: Purchase
    SELECT min(x) AS stage_2_at FROM unnest(c.stage_2_times) AS x WHERE x > stage_1_at AND x - stage_0_at <= 2592000000000000
  ) AS stage_2
  CROSS JOIN LATERAL ( -- stage step 3: Delivery
    SELECT min(x) AS stage_3_at FROM unnest(c.stage_3_times) AS x WHERE x > stage_2_at AND x - stage_0_at <= 2592000000000000
  ) AS stage_3
  CROSS JOIN LATERAL ( -- stage step 4: Use and support
    SELECT min(x) AS stage_4_at FROM unnest(c.stage_4_times) AS x WHERE x > stage_3_at AND x - stage_0_at <= 2592000000000000
  ) AS stage_4
  CROSS JOIN LATERAL ( -- stage step 5: Loyalty and advocacy
    SELECT min(x) AS stage_5_at FROM unnest(c.stage_5_times) AS x WHERE x > stage_4_at AND x - stage_0_at <= 2592000000000000
  ) AS stage_5
),
-- 6. the counts: customers, customers who reached each step (per touchpoint that reached
--    it), and whose furthest step it is when it is not the last (drop_off); one pass over
--    reached counts all but the steps of alternatives
counted AS (
  SELECT
    count(*) AS customers,
    count(*) FILTER (WHERE touchpoint_0_at IS NOT NULL) AS touchpoint_reached_0,
    count(*) FILTER (WHERE touchpoint_0_at IS NOT NULL AND touchpoint_1_at IS NULL) AS touchpoint_drop_off_0,
    count(*) FILTER (WHERE touchpoint_2_at IS NOT NULL) AS touchpoint_reached_3,
    count(*) FILTER (WHERE touchpoint_2_at IS NOT NULL AND touchpoint_3_at IS NULL) AS touchpoint_drop_off_3,
    count(*) FILTER (WHERE touchpoint_3_at IS NOT NULL) AS touchpoint_reached_4,
    count(*) FILTER (WHERE touchpoint_3_at IS NOT NULL AND touchpoint_4_at IS NULL) AS touchpoint_drop_off_4,
    count(*) FILTER (WHERE touchpoint_5_at IS NOT NULL) AS touchpoint_reached_7,
    count(*) FILTER (WHERE touchpoint_5_at IS NOT NULL AND touchpoint_6_at IS NULL) AS touchpoint_drop_off_7,
    count(*) FILTER (WHERE touchpoint_6_at IS NOT NULL) AS touchpoint_reached_8,
    count(*) FILTER (WHERE touchpoint_6_at IS NOT NULL AND touchpoint_7_at IS NULL) AS touchpoint_drop_off_8,
    count(*) FILTER (WHERE touchpoint_7_at IS NOT NULL) AS touchpoint_reached_9,
    count(*) FILTER (WHERE touchpoint_7_at IS NOT NULL AND touchpoint_8_at IS NULL) AS touchpoint_drop_off_9,
    count(*) FILTER (WHERE touchpoint_8_at IS NOT NULL) AS touchpoint_reached_10,
    count(*) FILTER (WHERE touchpoint_8_at IS NOT NULL AND touchpoint_9_at IS NULL) AS touchpoint_drop_off_10,
    count(*) FILTER (WHERE touchpoint_9_at IS NOT NULL) AS touchpoint_reached_11,
    count(*) FILTER (WHERE touchpoint_9_at IS NOT NULL AND touchpoint_10_at IS NULL) AS touchpoint_drop_off_11,
    count(*) FILTER (WHERE touchpoint_10_at IS NOT NULL) AS touchpoint_reached_12,
    count(*) FILTER (WHERE touchpoint_10_at IS NOT NULL AND touchpoint_11_at IS NULL) AS touchpoint_drop_off_12,
    count(*) FILTER (WHERE touchpoint_11_at IS NOT NULL) AS touchpoint_reached_13,
    count(*) FILTER (WHERE touchpoint_11_at IS NOT NULL AND touchpoint_12_at IS NULL) AS touchpoint_drop_off_13,
    count(*) FILTER (WHERE touchpoint_12_at IS NOT NULL) AS touchpoint_reached_14,
    count(*) FILTER (WHERE touchpoint_12_at IS NOT NULL AND touchpoint_13_at IS NULL) AS touchpoint_drop_off_14,
    count(*) FILTER (WHERE touchpoint_13_at IS NOT NULL) AS touchpoint_reached_15,
    count(*) FILTER (WHERE touchpoint_13_at IS NOT NULL AND touchpoint_14_at IS NULL) AS touchpoint_drop_off_15,
    count(*) FILTER (WHERE touchpoint_14_at IS NOT NULL) AS touchpoint_reached_16,
    count(*) FILTER (WHERE touchpoint_14_at IS NOT NULL AND touchpoint_15_at IS NULL) AS touchpoint_drop_off_16,
    count(*) FILTER (WHERE touchpoint_15_at IS NOT NULL) AS touchpoint_reached_17,
    count(*) FILTER (WHERE touchpoint_15_at IS NOT NULL AND touchpoint_16_at IS NULL) AS touchpoint_drop_off_17,
    count(*) FILTER (WHERE touchpoint_16_at IS NOT NULL) AS touchpoint_reached_18,
    count(*) FILTER (WHERE stage_0_at IS NOT NULL) AS stage_reached_0,
    count(*) FILTER (WHERE stage_0_at IS NOT NULL AND stage_1_at IS NULL) AS stage_drop_off_0,
    count(*) FILTER (WHERE stage_1_at IS NOT NULL) AS stage_reached_1,
    count(*) FILTER (WHERE stage_1_at IS NOT NULL AND stage_2_at IS NULL) AS stage_drop_off_1,
    count(*) FILTER (WHERE stage_2_at IS NOT NULL) AS stage_reached_2,
    count(*) FILTER (WHERE stage_2_at IS NOT NULL AND stage_3_at IS NULL) AS stage_drop_off_2,
    count(*) FILTER (WHERE stage_3_at IS NOT NULL) AS stage_reached_3,
    count(*) FILTER (WHERE stage_3_at IS NOT NULL AND stage_4_at IS NULL) AS stage_drop_off_3,
    count(*) FILTER (WHERE stage_4_at IS NOT NULL) AS stage_reached_4,
    count(*) FILTER (WHERE stage_4_at IS NOT NULL AND stage_5_at IS NULL) AS stage_drop_off_4,
    count(*) FILTER (WHERE stage_5_at IS NOT NULL) AS stage_reached_5
  FROM reached
),
counts AS (
  SELECT 'customers' AS measure, 0 AS step, customers AS value FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 0, touchpoint_reached_0 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 0, touchpoint_drop_off_0 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', touchpoint_1_via, count(*) FROM reached WHERE touchpoint_1_at IS NOT NULL GROUP BY touchpoint_1_via
  UNION ALL
  SELECT 'touchpoint_drop_off', touchpoint_1_via, count(*) FROM reached WHERE touchpoint_1_at IS NOT NULL AND touchpoint_2_at IS NULL GROUP BY touchpoint_1_via
  UNION ALL
  SELECT 'touchpoint_reached', 3, touchpoint_reached_3 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 3, touchpoint_drop_off_3 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 4, touchpoint_reached_4 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 4, touchpoint_drop_off_4 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', touchpoint_4_via, count(*) FROM reached WHERE touchpoint_4_at IS NOT NULL GROUP BY touchpoint_4_via
  UNION ALL
  SELECT 'touchpoint_drop_off', touchpoint_4_via, count(*) FROM reached WHERE touchpoint_4_at IS NOT NULL AND touchpoint_5_at IS NULL GROUP BY touchpoint_4_via
  UNION ALL
  SELECT 'touchpoint_reached', 7, touchpoint_reached_7 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 7, touchpoint_drop_off_7 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 8, touchpoint_reached_8 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 8, touchpoint_drop_off_8 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 9, touchpoint_reached_9 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 9, touchpoint_drop_off_9 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 10, touchpoint_reached_10 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 10, touchpoint_drop_off_10 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 11, touchpoint_reached_11 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 11, touchpoint_drop_off_11 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 12, touchpoint_reached_12 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 12, touchpoint_drop_off_12 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 13, touchpoint_reached_13 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 13, touchpoint_drop_off_13 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 14, touchpoint_reached_14 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 14, touchpoint_drop_off_14 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 15, touchpoint_reached_15 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 15, touchpoint_drop_off_15 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 16, touchpoint_reached_16 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 16, touchpoint_drop_off_16 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 17, touchpoint_reached_17 FROM counted
  UNION ALL
  SELECT 'touchpoint_drop_off', 17, touchpoint_drop_off_17 FROM counted
  UNION ALL
  SELECT 'touchpoint_reached', 18, touchpoint_reached_18 FROM counted
  UNION ALL
  SELECT 'stage_reached', 0, stage_reached_0 FROM counted
  UNION ALL
  SELECT 'stage_drop_off', 0, stage_drop_off_0 FROM counted
  UNION ALL
  SELECT 'stage_reached', 1, stage_reached_1 FROM counted
  UNION ALL
  SELECT 'stage_drop_off', 1, stage_drop_off_1 FROM counted
  UNION ALL
  SELECT 'stage_reached', 2, stage_reached_2 FROM counted
  UNION ALL
  SELECT 'stage_drop_off', 2, stage_drop_off_2 FROM counted
  UNION ALL
  SELECT 'stage_reached', 3, stage_reached_3 FROM counted
  UNION ALL
  SELECT 'stage_drop_off', 3, stage_drop_off_3 FROM counted
  UNION ALL
  SELECT 'stage_reached', 4, stage_reached_4 FROM counted
  UNION ALL
  SELECT 'stage_drop_off', 4, stage_drop_off_4 FROM counted
  UNION ALL
  SELECT 'stage_reached', 5, stage_reached_5 FROM counted
),
-- 7. one row per customer and step reached after step 0: the times to convert; measure
--     0 touchpoint_from_previous, 1 touchpoint_from_start, 2 stage_from_previous, 3 stage_from_start,
--     4 touchpoint step 1 (both), 5 stage step 1 (both)
measures AS (
  SELECT 4 AS measure, touchpoint_1_via AS step, touchpoint_1_at - touchpoint_0_at AS d FROM reached WHERE touchpoint_1_at IS NOT NULL -- touchpoint_from_previous and _from_start
  UNION ALL
  SELECT 0, 3, touchpoint_2_at - touchpoint_1_at FROM reached WHERE touchpoint_2_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 3, touchpoint_2_at - touchpoint_0_at FROM reached WHERE touchpoint_2_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 4, touchpoint_3_at - touchpoint_2_at FROM reached WHERE touchpoint_3_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 4, touchpoint_3_at - touchpoint_0_at FROM reached WHERE touchpoint_3_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, touchpoint_4_via, touchpoint_4_at - touchpoint_3_at FROM reached WHERE touchpoint_4_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, touchpoint_4_via, touchpoint_4_at - touchpoint_0_at FROM reached WHERE touchpoint_4_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 7, touchpoint_5_at - touchpoint_4_at FROM reached WHERE touchpoint_5_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 7, touchpoint_5_at - touchpoint_0_at FROM reached WHERE touchpoint_5_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 8, touchpoint_6_at - touchpoint_5_at FROM reached WHERE touchpoint_6_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 8, touchpoint_6_at - touchpoint_0_at FROM reached WHERE touchpoint_6_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 9, touchpoint_7_at - touchpoint_6_at FROM reached WHERE touchpoint_7_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 9, touchpoint_7_at - touchpoint_0_at FROM reached WHERE touchpoint_7_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 10, touchpoint_8_at - touchpoint_7_at FROM reached WHERE touchpoint_8_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 10, touchpoint_8_at - touchpoint_0_at FROM reached WHERE touchpoint_8_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 11, touchpoint_9_at - touchpoint_8_at FROM reached WHERE touchpoint_9_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 11, touchpoint_9_at - touchpoint_0_at FROM reached WHERE touchpoint_9_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 12, touchpoint_10_at - touchpoint_9_at FROM reached WHERE touchpoint_10_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 12, touchpoint_10_at - touchpoint_0_at FROM reached WHERE touchpoint_10_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 13, touchpoint_11_at - touchpoint_10_at FROM reached WHERE touchpoint_11_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 13, touchpoint_11_at - touchpoint_0_at FROM reached WHERE touchpoint_11_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 14, touchpoint_12_at - touchpoint_11_at FROM reached WHERE touchpoint_12_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 14, touchpoint_12_at - touchpoint_0_at FROM reached WHERE touchpoint_12_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 15, touchpoint_13_at - touchpoint_12_at FROM reached WHERE touchpoint_13_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 15, touchpoint_13_at - touchpoint_0_at FROM reached WHERE touchpoint_13_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 16, touchpoint_14_at - touchpoint_13_at FROM reached WHERE touchpoint_14_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 16, touchpoint_14_at - touchpoint_0_at FROM reached WHERE touchpoint_14_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 17, touchpoint_15_at - touchpoint_14_at FROM reached WHERE touchpoint_15_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 17, touchpoint_15_at - touchpoint_0_at FROM reached WHERE touchpoint_15_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 0, 18, touchpoint_16_at - touchpoint_15_at FROM reached WHERE touchpoint_16_at IS NOT NULL -- touchpoint_from_previous
  UNION ALL
  SELECT 1, 18, touchpoint_16_at - touchpoint_0_at FROM reached WHERE touchpoint_16_at IS NOT NULL -- touchpoint_from_start
  UNION ALL
  SELECT 5, 1, stage_1_at - stage_0_at FROM reached WHERE stage_1_at IS NOT NULL -- stage_from_previous and _from_start
  UNION ALL
  SELECT 2, 2, stage_2_at - stage_1_at FROM reached WHERE stage_2_at IS NOT NULL -- stage_from_previous
  UNION ALL
  SELECT 3, 2, stage_2_at - stage_0_at FROM reached WHERE stage_2_at IS NOT NULL -- stage_from_start
  UNION ALL
  SELECT 2, 3, stage_3_at - stage_2_at FROM reached WHERE stage_3_at IS NOT NULL -- stage_from_previous
  UNION ALL
  SELECT 3, 3, stage_3_at - stage_0_at FROM reached WHERE stage_3_at IS NOT NULL -- stage_from_start
  UNION ALL
  SELECT 2, 4, stage_4_at - stage_3_at FROM reached WHERE stage_4_at IS NOT NULL -- stage_from_previous
  UNION ALL
  SELECT 3, 4, stage_4_at - stage_0_at FROM reached WHERE stage_4_at IS NOT NULL -- stage_from_start
  UNION ALL
  SELECT 2, 5, stage_5_at - stage_4_at FROM reached WHERE stage_5_at IS NOT NULL -- stage_from_previous
  UNION ALL
  SELECT 3, 5, stage_5_at - stage_0_at FROM reached WHERE stage_5_at IS NOT NULL -- stage_from_start
),
-- then: the histogram bucket (analytics.BucketOf) and the chart bin (Timing.Bins: 0 under
-- one second, else floor(log2(whole seconds)) + 1) of the times to convert, counted per
-- exponent, mantissa (the 8 leading bits) and bin flag
durations AS (
  SELECT measure, step, (greatest(e, 7) - 6) * 128 + m - 128 AS bucket, greatest(e - 29 + CAST(f AS integer), 0) AS bin, n
  FROM (
    SELECT measure, step, e, m, f, count(*) AS n
    FROM (SELECT measure, step, e, (d >> CAST(greatest(e, 7) - 7 AS integer)) AS m, d >= (CAST(1000000000 AS bigint) << CAST(greatest(e - 29, 0) AS integer)) AS f FROM (SELECT *, e_0 - 1 + least(d >> e_0, 2) AS e FROM (SELECT *, CAST(floor(ln(CAST(greatest(d, 1) AS double precision)) / ln(2)) AS integer) AS e_0 FROM (SELECT measure, step, d FROM measures) AS m) AS l0) AS l) AS k
    GROUP BY 1, 2, 3, 4, 5
  ) AS g
)
-- and the result rows
SELECT names.name AS measure, '' AS touchpoint, step, CAST(bucket AS BIGINT) AS bucket, CAST(sum(n) AS BIGINT) AS value FROM durations JOIN (VALUES (0, 'touchpoint_from_previous'), (1, 'touchpoint_from_start'), (2, 'stage_from_previous'), (3, 'stage_from_start'), (4, 'touchpoint_from_previous'), (4, 'touchpoint_from_start'), (5, 'stage_from_previous'), (5, 'stage_from_start')) AS names(code, name) ON durations.measure = names.code GROUP BY 1, 3, 4
UNION ALL
SELECT names.name || '_bins', '', step, CAST(bin AS BIGINT), CAST(sum(n) AS BIGINT) FROM durations JOIN (VALUES (0, 'touchpoint_from_previous'), (1, 'touchpoint_from_start'), (2, 'stage_from_previous'), (3, 'stage_from_start'), (4, 'touchpoint_from_previous'), (4, 'touchpoint_from_start'), (5, 'stage_from_previous'), (5, 'stage_from_start')) AS names(code, name) ON durations.measure = names.code WHERE bin IS NOT NULL GROUP BY 1, 3, 4
UNION ALL
SELECT measure, '', step, 0, value FROM counts
UNION ALL
SELECT 'events', touchpoint, 0, 0, events FROM by_key WHERE events > 0
UNION ALL
SELECT 'failing', touchpoint, 0, 0, failing FROM by_key WHERE failing > 0
UNION ALL
SELECT 'emotion_count', touchpoint, 0, 0, emotion_count FROM by_key WHERE emotion_count > 0
UNION ALL
SELECT 'emotion_sum_milli', touchpoint, 0, 0, emotion_sum_milli FROM by_key WHERE emotion_count > 0
UNION ALL
SELECT 'bad_rows', touchpoint, 0, 0, bad_rows FROM by_key WHERE bad_rows > 0
ORDER BY 1, 2, 3, 4

-- journeymap funnel for journey 2802c4b1-752d-452a-924d-bd993bf03cbc (Buying running shoes online at Sải Bước (current state)), duckdb dialect
-- order mode: anchored greedy; conversion window 2592000000000000 ns (720h0m0s)
-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)
WITH
-- 1. the planned touchpoint keys: the step of the touchpoint and of its stage
planned_keys(touchpoint, touchpoint_step, stage_step) AS (
  VALUES
    ('0d76b663-2159-4d28-9b29-fc3ef2bf4812', 8, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    ('1635b389-cb37-4e1e-9db7-5531b83bda4f', 4, 1), -- Reads the product page and size guide
    ('1a6114bb-58f0-4405-a957-9cc7b8e09b4c', 9, 2), -- Fills in the checkout form and pays by MoMo
    ('31796b8c-f775-4825-8979-6e8561048523', 2, 0), -- Hears about the shop from a friend at the Saturday running c…
    ('41f45360-89b5-45f1-878d-070304aa30ea', 3, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    ('4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', 6, 1), -- Tries the shoes on at the Nguyễn Trãi store
    ('59b019b7-7904-4b67-a462-ed6b6bc971bd', 12, 3), -- The courier hands over the parcel at the office lobby
    ('6100e2ae-0a23-4a02-8a16-fcf35ef90c30', 15, 4), -- Exchanges the shoes at the store instead
    ('74e91e2c-65dd-413c-ad7b-cab28dfad604', 18, 5), -- Tells her running club about the shop
    ('Asks the website chat which size to order', 7, 1), -- Asks the website chat which size to order
    ('Calls the hotline to exchange the size', 14, 4), -- Calls the hotline to exchange the size
    ('Compares prices on the Shopee Mall store', 5, 1), -- Compares prices on the Shopee Mall store
    ('Exchanges the shoes at the store instead', 15, 4), -- Exchanges the shoes at the store instead
    ('Fills in the checkout form and pays by MoMo', 9, 2), -- Fills in the checkout form and pays by MoMo
    ('Gets SMS updates from the courier', 11, 3), -- Gets SMS updates from the courier
    ('Hears about the shop from a friend at the Saturday running club', 2, 0), -- Hears about the shop from a friend at the Saturday running c…
    ('Opens the box and finds a care card and a size-exchange note', 13, 3), -- Opens the box and finds a care card and a size-exchange note
    ('Opens the loyalty app to check her points', 17, 5), -- Opens the loyalty app to check her points
    ('Reads the product page and size guide', 4, 1), -- Reads the product page and size guide
    ('Receives an email asking for a review', 16, 5), -- Receives an email asking for a review
    ('Receives the order confirmation email', 10, 2), -- Receives the order confirmation email
    ('Reviews the cart and sees the shipping fee for the first time', 8, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    ('Searches Google for "giày chạy bộ Sải Bước review"', 3, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    ('Sees a Facebook carousel ad for the new Sải Bước running line', 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    ('Tells her running club about the shop', 18, 5), -- Tells her running club about the shop
    ('The courier hands over the parcel at the office lobby', 12, 3), -- The courier hands over the parcel at the office lobby
    ('Tries the shoes on at the Nguyễn Trãi store', 6, 1), -- Tries the shoes on at the Nguyễn Trãi store
    ('Watches a TikTok review by a running coach', 1, 0), -- Watches a TikTok review by a running coach
    ('a359d2d9-d3b6-4a6f-a81e-891dc566e729', 7, 1), -- Asks the website chat which size to order
    ('ad5c6d24-2309-4c41-bbdd-92782bd167a2', 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    ('b7551359-1748-44db-82e3-933fc061ea9c', 14, 4), -- Calls the hotline to exchange the size
    ('c3204d47-e7ae-4608-a607-3dbd1f667ee7', 1, 0), -- Watches a TikTok review by a running coach
    ('c500b3d7-cc91-486d-ae76-88de0cb3e49a', 11, 3), -- Gets SMS updates from the courier
    ('c60af9d1-daf9-429d-946d-65dab5b06429', 17, 5), -- Opens the loyalty app to check her points
    ('ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 5, 1), -- Compares prices on the Shopee Mall store
    ('d3603b0c-970e-41aa-8259-c7d429dbafcc', 10, 2), -- Receives the order confirmation email
    ('e8f5d0c5-c47d-4658-921c-20e99ddc786f', 13, 3), -- Opens the box and finds a care card and a size-exchange note
    ('eac64f96-ba95-4f1d-a84c-2333bc397fa4', 16, 5) -- Receives an email asking for a review
),
-- 2. every row of the table: usable or a bad row; time in nanoseconds since 1970
source_rows AS (
  SELECT r.customer, r.touchpoint, r.usable,
    CASE WHEN r.usable THEN epoch_us(r.ts) * 1000 END AS t,
    r.usable AND r.failed AS failed,
    r.usable AND r.emotion IS NOT NULL AS has_emotion,
    CASE WHEN r.usable THEN CAST(sign(r.emotion * 1000) * floor(abs(r.emotion * 1000) + 0.5) AS BIGINT) END AS emotion_milli
  FROM (
    SELECT
      CAST("customer_id" AS VARCHAR) AS customer,
      COALESCE("touchpoint", '') AS touchpoint,
      "ts" AS ts,
      COALESCE("outcome" = 'failed', false) AS failed,
      CAST("emotion" AS DOUBLE) AS emotion,
      ("customer_id" IS NOT NULL
      AND CAST("customer_id" AS VARCHAR) <> ''
      AND "touchpoint" IS NOT NULL
      AND "touchpoint" <> ''
      AND "ts" IS NOT NULL
      AND "ts" >= '1678-01-01 00:00:00+00'
      AND "ts" < '2262-01-01 00:00:00+00'
      AND ("outcome" IS NULL OR "outcome" IN ('', 'ok', 'failed'))
      AND ("emotion" IS NULL OR CAST("emotion" AS DOUBLE) BETWEEN -2 AND 2)) AS usable
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
-- 4. the usable events on planned touchpoints, with their steps
planned AS (
  SELECT s.customer, s.t, k.touchpoint_step, k.stage_step
  FROM source_rows AS s
  JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
),
-- 5. per customer: the start of each funnel, their first event on its step 0 (NULL: not started)
starts AS MATERIALIZED (
  SELECT s.customer,
    min(s.t) FILTER (WHERE k.touchpoint_step = 0) AS touchpoint_start,
    min(s.t) FILTER (WHERE k.stage_step = 0) AS stage_start
  FROM source_rows AS s
  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
  GROUP BY s.customer
),
-- 6. one CTE per step: the customers who reached it, when they started (start_at), reached
--    the previous step (previous_at) and this one (reached_at): step i is reached at the
--    earliest event on it strictly after step i-1, no later than the window after step 0.
touchpoint_0 AS ( -- touchpoint step 0: Sees a Facebook carousel ad for the new Sải Bước running lin…
  SELECT customer, touchpoint_start AS start_at, CAST(NULL AS BIGINT) AS previous_at, touchpoint_start AS reached_at
  FROM starts
  WHERE touchpoint_start IS NOT NULL
),
touchpoint_1 AS MATERIALIZED ( -- touchpoint step 1: Watches a TikTok review by a running coach
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_0 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 1 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_2 AS MATERIALIZED ( -- touchpoint step 2: Hears about the shop from a friend at the Saturday running c…
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_1 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 2 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_3 AS MATERIALIZED ( -- touchpoint step 3: Searches Google for "giày chạy bộ Sải Bước review"
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_2 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 3 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_4 AS MATERIALIZED ( -- touchpoint step 4: Reads the product page and size guide
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_3 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 4 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_5 AS MATERIALIZED ( -- touchpoint step 5: Compares prices on the Shopee Mall store
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_4 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 5 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_6 AS MATERIALIZED ( -- touchpoint step 6: Tries the shoes on at the Nguyễn Trãi store
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_5 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 6 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_7 AS MATERIALIZED ( -- touchpoint step 7: Asks the website chat which size to order
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_6 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 7 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_8 AS MATERIALIZED ( -- touchpoint step 8: Reviews the cart and sees the shipping fee for the first tim…
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_7 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 8 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_9 AS MATERIALIZED ( -- touchpoint step 9: Fills in the checkout form and pays by MoMo
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_8 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 9 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_10 AS MATERIALIZED ( -- touchpoint step 10: Receives the order confirmation email
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_9 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 10 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_11 AS MATERIALIZED ( -- touchpoint step 11: Gets SMS updates from the courier
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_10 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 11 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_12 AS MATERIALIZED ( -- touchpoint step 12: The courier hands over the parcel at the office lobby
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_11 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 12 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_13 AS MATERIALIZED ( -- touchpoint step 13: Opens the box and finds a care card and a size-exchange note
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_12 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 13 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_14 AS MATERIALIZED ( -- touchpoint step 14: Calls the hotline to exchange the size
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_13 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 14 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_15 AS MATERIALIZED ( -- touchpoint step 15: Exchanges the shoes at the store instead
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_14 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 15 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_16 AS MATERIALIZED ( -- touchpoint step 16: Receives an email asking for a review
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_15 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 16 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_17 AS MATERIALIZED ( -- touchpoint step 17: Opens the loyalty app to check her points
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_16 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 17 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
touchpoint_18 AS MATERIALIZED ( -- touchpoint step 18: Tells her running club about the shop
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM touchpoint_17 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.touchpoint_step = 18 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
stage_0 AS ( -- stage step 0: Awareness
  SELECT customer, stage_start AS start_at, CAST(NULL AS BIGINT) AS previous_at, stage_start AS reached_at
  FROM starts
  WHERE stage_start IS NOT NULL
),
stage_1 AS MATERIALIZED ( -- stage step 1: Consideration
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM stage_0 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.stage_step = 1 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
stage_2 AS MATERIALIZED ( -- stage step 2: Purchase
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM stage_1 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.stage_step = 2 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
stage_3 AS MATERIALIZED ( -- stage step 3: Delivery
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM stage_2 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.stage_step = 3 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
stage_4 AS MATERIALIZED ( -- stage step 4: Use and support
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM stage_3 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.stage_step = 4 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
stage_5 AS MATERIALIZED ( -- stage step 5: Loyalty and advocacy
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM stage_4 AS p
  JOIN planned AS e ON e.customer = p.customer AND e.stage_step = 5 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
  GROUP BY p.customer
),
-- 7. one row per customer and measure: each step reached, each time to convert
measures AS (
  SELECT 'customers' AS measure, 0 AS step, CAST(NULL AS BIGINT) AS d FROM starts
  UNION ALL
  SELECT 'touchpoint_reached', 0, NULL FROM touchpoint_0
  UNION ALL
  SELECT 'touchpoint_reached', 1, NULL FROM touchpoint_1
  UNION ALL
  SELECT 'touchpoint_from_previous', 1, reached_at - previous_at FROM touchpoint_1
  UNION ALL
  SELECT 'touchpoint_from_start', 1, reached_at - start_at FROM touchpoint_1
  UNION ALL
  SELECT 'touchpoint_reached', 2, NULL FROM touchpoint_2
  UNION ALL
  SELECT 'touchpoint_from_previous', 2, reached_at - previous_at FROM touchpoint_2
  UNION ALL
  SELECT 'touchpoint_from_start', 2, reached_at - start_at FROM touchpoint_2
  UNION ALL
  SELECT 'touchpoint_reached', 3, NULL FROM touchpoint_3
  UNION ALL
  SELECT 'touchpoint_from_previous', 3, reached_at - previous_at FROM touchpoint_3
  UNION ALL
  SELECT 'touchpoint_from_start', 3, reached_at - start_at FROM touchpoint_3
  UNION ALL
  SELECT 'touchpoint_reached', 4, NULL FROM touchpoint_4
  UNION ALL
  SELECT 'touchpoint_from_previous', 4, reached_at - previous_at FROM touchpoint_4
  UNION ALL
  SELECT 'touchpoint_from_start', 4, reached_at - start_at FROM touchpoint_4
  UNION ALL
  SELECT 'touchpoint_reached', 5, NULL FROM touchpoint_5
  UNION ALL
  SELECT 'touchpoint_from_previous', 5, reached_at - previous_at FROM touchpoint_5
  UNION ALL
  SELECT 'touchpoint_from_start', 5, reached_at - start_at FROM touchpoint_5
  UNION ALL
  SELECT 'touchpoint_reached', 6, NULL FROM touchpoint_6
  UNION ALL
  SELECT 'touchpoint_from_previous', 6, reached_at - previous_at FROM touchpoint_6
  UNION ALL
  SELECT 'touchpoint_from_start', 6, reached_at - start_at FROM touchpoint_6
  UNION ALL
  SELECT 'touchpoint_reached', 7, NULL FROM touchpoint_7
  UNION ALL
  SELECT 'touchpoint_from_previous', 7, reached_at - previous_at FROM touchpoint_7
  UNION ALL
  SELECT 'touchpoint_from_start', 7, reached_at - start_at FROM touchpoint_7
  UNION ALL
  SELECT 'touchpoint_reached', 8, NULL FROM touchpoint_8
  UNION ALL
  SELECT 'touchpoint_from_previous', 8, reached_at - previous_at FROM touchpoint_8
  UNION ALL
  SELECT 'touchpoint_from_start', 8, reached_at - start_at FROM touchpoint_8
  UNION ALL
  SELECT 'touchpoint_reached', 9, NULL FROM touchpoint_9
  UNION ALL
  SELECT 'touchpoint_from_previous', 9, reached_at - previous_at FROM touchpoint_9
  UNION ALL
  SELECT 'touchpoint_from_start', 9, reached_at - start_at FROM touchpoint_9
  UNION ALL
  SELECT 'touchpoint_reached', 10, NULL FROM touchpoint_10
  UNION ALL
  SELECT 'touchpoint_from_previous', 10, reached_at - previous_at FROM touchpoint_10
  UNION ALL
  SELECT 'touchpoint_from_start', 10, reached_at - start_at FROM touchpoint_10
  UNION ALL
  SELECT 'touchpoint_reached', 11, NULL FROM touchpoint_11
  UNION ALL
  SELECT 'touchpoint_from_previous', 11, reached_at - previous_at FROM touchpoint_11
  UNION ALL
  SELECT 'touchpoint_from_start', 11, reached_at - start_at FROM touchpoint_11
  UNION ALL
  SELECT 'touchpoint_reached', 12, NULL FROM touchpoint_12
  UNION ALL
  SELECT 'touchpoint_from_previous', 12, reached_at - previous_at FROM touchpoint_12
  UNION ALL
  SELECT 'touchpoint_from_start', 12, reached_at - start_at FROM touchpoint_12
  UNION ALL
  SELECT 'touchpoint_reached', 13, NULL FROM touchpoint_13
  UNION ALL
  SELECT 'touchpoint_from_previous', 13, reached_at - previous_at FROM touchpoint_13
  UNION ALL
  SELECT 'touchpoint_from_start', 13, reached_at - start_at FROM touchpoint_13
  UNION ALL
  SELECT 'touchpoint_reached', 14, NULL FROM touchpoint_14
  UNION ALL
  SELECT 'touchpoint_from_previous', 14, reached_at - previous_at FROM touchpoint_14
  UNION ALL
  SELECT 'touchpoint_from_start', 14, reached_at - start_at FROM touchpoint_14
  UNION ALL
  SELECT 'touchpoint_reached', 15, NULL FROM touchpoint_15
  UNION ALL
  SELECT 'touchpoint_from_previous', 15, reached_at - previous_at FROM touchpoint_15
  UNION ALL
  SELECT 'touchpoint_from_start', 15, reached_at - start_at FROM touchpoint_15
  UNION ALL
  SELECT 'touchpoint_reached', 16, NULL FROM touchpoint_16
  UNION ALL
  SELECT 'touchpoint_from_previous', 16, reached_at - previous_at FROM touchpoint_16
  UNION ALL
  SELECT 'touchpoint_from_start', 16, reached_at - start_at FROM touchpoint_16
  UNION ALL
  SELECT 'touchpoint_reached', 17, NULL FROM touchpoint_17
  UNION ALL
  SELECT 'touchpoint_from_previous', 17, reached_at - previous_at FROM touchpoint_17
  UNION ALL
  SELECT 'touchpoint_from_start', 17, reached_at - start_at FROM touchpoint_17
  UNION ALL
  SELECT 'touchpoint_reached', 18, NULL FROM touchpoint_18
  UNION ALL
  SELECT 'touchpoint_from_previous', 18, reached_at - previous_at FROM touchpoint_18
  UNION ALL
  SELECT 'touchpoint_from_start', 18, reached_at - start_at FROM touchpoint_18
  UNION ALL
  SELECT 'stage_reached', 0, NULL FROM stage_0
  UNION ALL
  SELECT 'stage_reached', 1, NULL FROM stage_1
  UNION ALL
  SELECT 'stage_from_previous', 1, reached_at - previous_at FROM stage_1
  UNION ALL
  SELECT 'stage_from_start', 1, reached_at - start_at FROM stage_1
  UNION ALL
  SELECT 'stage_reached', 2, NULL FROM stage_2
  UNION ALL
  SELECT 'stage_from_previous', 2, reached_at - previous_at FROM stage_2
  UNION ALL
  SELECT 'stage_from_start', 2, reached_at - start_at FROM stage_2
  UNION ALL
  SELECT 'stage_reached', 3, NULL FROM stage_3
  UNION ALL
  SELECT 'stage_from_previous', 3, reached_at - previous_at FROM stage_3
  UNION ALL
  SELECT 'stage_from_start', 3, reached_at - start_at FROM stage_3
  UNION ALL
  SELECT 'stage_reached', 4, NULL FROM stage_4
  UNION ALL
  SELECT 'stage_from_previous', 4, reached_at - previous_at FROM stage_4
  UNION ALL
  SELECT 'stage_from_start', 4, reached_at - start_at FROM stage_4
  UNION ALL
  SELECT 'stage_reached', 5, NULL FROM stage_5
  UNION ALL
  SELECT 'stage_from_previous', 5, reached_at - previous_at FROM stage_5
  UNION ALL
  SELECT 'stage_from_start', 5, reached_at - start_at FROM stage_5
),
-- then: the histogram bucket of each time to convert (analytics.BucketOf)
bucketed AS (
  SELECT measure, step, CASE WHEN d IS NULL THEN 0 ELSE CASE WHEN d < 256 THEN d ELSE (e - 6) * 128 + (d >> (e - 7)) - 128 END END AS bucket
  FROM (SELECT *, e0 + CASE WHEN (d >> e0) = 0 THEN -1 WHEN (d >> e0) >= 2 THEN 1 ELSE 0 END AS e FROM (SELECT *, CAST(floor(log2(d)) AS BIGINT) AS e0 FROM measures AS m) AS l0) AS l
),
-- and its chart bin (Timing.Bins): 0 under one second, else floor(log2(whole seconds)) + 1
binned AS (
  SELECT measure || '_bins' AS measure, step, CASE WHEN s = 0 THEN 0 ELSE e + 1 END AS bin
  FROM (SELECT *, e0 + CASE WHEN (s1 >> e0) = 0 THEN -1 WHEN (s1 >> e0) >= 2 THEN 1 ELSE 0 END AS e FROM (SELECT *, CAST(floor(log2(s1)) AS BIGINT) AS e0 FROM (SELECT measure, step, (d // 1000000000) AS s, greatest((d // 1000000000), 1) AS s1 FROM measures WHERE d IS NOT NULL) AS m) AS l0) AS l
)
-- and the result rows
SELECT measure, '' AS touchpoint, step, CAST(bucket AS BIGINT) AS bucket, count(*) AS value FROM bucketed GROUP BY measure, step, bucket
UNION ALL
SELECT measure, '', step, CAST(bin AS BIGINT), count(*) FROM binned GROUP BY measure, step, bin
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

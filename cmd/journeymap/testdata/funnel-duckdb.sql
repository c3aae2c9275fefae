-- journeymap funnel for journey 2802c4b1-752d-452a-924d-bd993bf03cbc (Buying running shoes online at Sải Bước (current state)), duckdb dialect
-- order mode: anchored greedy; conversion window 2592000000000000 ns (720h0m0s)
-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)
WITH
-- 1. the planned touchpoint keys: the touchpoint (its index in the journey), its step on the
--    route (alternatives share one) and its stage's step
planned_keys(touchpoint, touch, touchpoint_step, stage_step) AS (
  VALUES
    ('0d76b663-2159-4d28-9b29-fc3ef2bf4812', 8, 6, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    ('1635b389-cb37-4e1e-9db7-5531b83bda4f', 4, 3, 1), -- Reads the product page and size guide
    ('1a6114bb-58f0-4405-a957-9cc7b8e09b4c', 9, 7, 2), -- Fills in the checkout form and pays by MoMo
    ('31796b8c-f775-4825-8979-6e8561048523', 2, 1, 0), -- Hears about the shop from a friend at the Saturday running c…
    ('41f45360-89b5-45f1-878d-070304aa30ea', 3, 2, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    ('4c71cbe1-7063-4d21-b458-e8a7bc8d2a8b', 6, 4, 1), -- Tries the shoes on at the Nguyễn Trãi store
    ('59b019b7-7904-4b67-a462-ed6b6bc971bd', 12, 10, 3), -- The courier hands over the parcel at the office lobby
    ('6100e2ae-0a23-4a02-8a16-fcf35ef90c30', 15, 13, 4), -- Exchanges the shoes at the store instead
    ('74e91e2c-65dd-413c-ad7b-cab28dfad604', 18, 16, 5), -- Tells her running club about the shop
    ('Asks the website chat which size to order', 7, 5, 1), -- Asks the website chat which size to order
    ('Calls the hotline to exchange the size', 14, 12, 4), -- Calls the hotline to exchange the size
    ('Compares prices on the Shopee Mall store', 5, 4, 1), -- Compares prices on the Shopee Mall store
    ('Exchanges the shoes at the store instead', 15, 13, 4), -- Exchanges the shoes at the store instead
    ('Fills in the checkout form and pays by MoMo', 9, 7, 2), -- Fills in the checkout form and pays by MoMo
    ('Gets SMS updates from the courier', 11, 9, 3), -- Gets SMS updates from the courier
    ('Hears about the shop from a friend at the Saturday running club', 2, 1, 0), -- Hears about the shop from a friend at the Saturday running c…
    ('Opens the box and finds a care card and a size-exchange note', 13, 11, 3), -- Opens the box and finds a care card and a size-exchange note
    ('Opens the loyalty app to check her points', 17, 15, 5), -- Opens the loyalty app to check her points
    ('Reads the product page and size guide', 4, 3, 1), -- Reads the product page and size guide
    ('Receives an email asking for a review', 16, 14, 5), -- Receives an email asking for a review
    ('Receives the order confirmation email', 10, 8, 2), -- Receives the order confirmation email
    ('Reviews the cart and sees the shipping fee for the first time', 8, 6, 2), -- Reviews the cart and sees the shipping fee for the first tim…
    ('Searches Google for "giày chạy bộ Sải Bước review"', 3, 2, 1), -- Searches Google for "giày chạy bộ Sải Bước review"
    ('Sees a Facebook carousel ad for the new Sải Bước running line', 0, 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    ('Tells her running club about the shop', 18, 16, 5), -- Tells her running club about the shop
    ('The courier hands over the parcel at the office lobby', 12, 10, 3), -- The courier hands over the parcel at the office lobby
    ('Tries the shoes on at the Nguyễn Trãi store', 6, 4, 1), -- Tries the shoes on at the Nguyễn Trãi store
    ('Watches a TikTok review by a running coach', 1, 1, 0), -- Watches a TikTok review by a running coach
    ('a359d2d9-d3b6-4a6f-a81e-891dc566e729', 7, 5, 1), -- Asks the website chat which size to order
    ('ad5c6d24-2309-4c41-bbdd-92782bd167a2', 0, 0, 0), -- Sees a Facebook carousel ad for the new Sải Bước running lin…
    ('b7551359-1748-44db-82e3-933fc061ea9c', 14, 12, 4), -- Calls the hotline to exchange the size
    ('c3204d47-e7ae-4608-a607-3dbd1f667ee7', 1, 1, 0), -- Watches a TikTok review by a running coach
    ('c500b3d7-cc91-486d-ae76-88de0cb3e49a', 11, 9, 3), -- Gets SMS updates from the courier
    ('c60af9d1-daf9-429d-946d-65dab5b06429', 17, 15, 5), -- Opens the loyalty app to check her points
    ('ca1b9f43-c846-4c6a-9ccc-0f68d8aa3e16', 5, 4, 1), -- Compares prices on the Shopee Mall store
    ('d3603b0c-970e-41aa-8259-c7d429dbafcc', 10, 8, 2), -- Receives the order confirmation email
    ('e8f5d0c5-c47d-4658-921c-20e99ddc786f', 13, 11, 3), -- Opens the box and finds a care card and a size-exchange note
    ('eac64f96-ba95-4f1d-a84c-2333bc397fa4', 16, 14, 5) -- Receives an email asking for a review
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
-- 4. per customer (every customer with a usable row): the first time on each touchpoint
firsts AS (
  SELECT s.customer,
    min(s.t) FILTER (WHERE k.touch = 0) AS touch_0_first,
    min(s.t) FILTER (WHERE k.touch = 1) AS touch_1_first,
    min(s.t) FILTER (WHERE k.touch = 2) AS touch_2_first,
    min(s.t) FILTER (WHERE k.touch = 3) AS touch_3_first,
    min(s.t) FILTER (WHERE k.touch = 4) AS touch_4_first,
    min(s.t) FILTER (WHERE k.touch = 5) AS touch_5_first,
    min(s.t) FILTER (WHERE k.touch = 6) AS touch_6_first,
    min(s.t) FILTER (WHERE k.touch = 7) AS touch_7_first,
    min(s.t) FILTER (WHERE k.touch = 8) AS touch_8_first,
    min(s.t) FILTER (WHERE k.touch = 9) AS touch_9_first,
    min(s.t) FILTER (WHERE k.touch = 10) AS touch_10_first,
    min(s.t) FILTER (WHERE k.touch = 11) AS touch_11_first,
    min(s.t) FILTER (WHERE k.touch = 12) AS touch_12_first,
    min(s.t) FILTER (WHERE k.touch = 13) AS touch_13_first,
    min(s.t) FILTER (WHERE k.touch = 14) AS touch_14_first,
    min(s.t) FILTER (WHERE k.touch = 15) AS touch_15_first,
    min(s.t) FILTER (WHERE k.touch = 16) AS touch_16_first,
    min(s.t) FILTER (WHERE k.touch = 17) AS touch_17_first,
    min(s.t) FILTER (WHERE k.touch = 18) AS touch_18_first
  FROM source_rows AS s
  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
  GROUP BY s.customer
),
-- 5. the steps from the first times: the first time on a step is the earliest on any of its
--    touchpoints; step i is reached at its first time when every step up to i is, each
--    first time after the one before, within the window after step 0 (depth: the last
--    step so reached, -1 when not started)
--    A customer whose first time on the step after their depth is not after their depth's
--    first time is undecided (an event on that step may still come after): the exact path
--    below measures them.
fast AS MATERIALIZED (
  SELECT *,
    (CASE touchpoint_depth WHEN 0 THEN touchpoint_1_first <= touchpoint_0_first WHEN 1 THEN touchpoint_2_first <= touchpoint_1_first WHEN 2 THEN touchpoint_3_first <= touchpoint_2_first WHEN 3 THEN touchpoint_4_first <= touchpoint_3_first WHEN 4 THEN touchpoint_5_first <= touchpoint_4_first WHEN 5 THEN touchpoint_6_first <= touchpoint_5_first WHEN 6 THEN touchpoint_7_first <= touchpoint_6_first WHEN 7 THEN touchpoint_8_first <= touchpoint_7_first WHEN 8 THEN touchpoint_9_first <= touchpoint_8_first WHEN 9 THEN touchpoint_10_first <= touchpoint_9_first WHEN 10 THEN touchpoint_11_first <= touchpoint_10_first WHEN 11 THEN touchpoint_12_first <= touchpoint_11_first WHEN 12 THEN touchpoint_13_first <= touchpoint_12_first WHEN 13 THEN touchpoint_14_first <= touchpoint_13_first WHEN 14 THEN touchpoint_15_first <= touchpoint_14_first WHEN 15 THEN touchpoint_16_first <= touchpoint_15_first ELSE false END) IS TRUE
      OR (CASE stage_depth WHEN 0 THEN stage_1_first <= stage_0_first WHEN 1 THEN stage_2_first <= stage_1_first WHEN 2 THEN stage_3_first <= stage_2_first WHEN 3 THEN stage_4_first <= stage_3_first WHEN 4 THEN stage_5_first <= stage_4_first ELSE false END) IS TRUE AS undecided
  FROM (
    SELECT *,
      CASE
        WHEN touchpoint_0_first IS NULL THEN -1
        WHEN NOT COALESCE(touchpoint_1_first > touchpoint_0_first AND touchpoint_1_first - touchpoint_0_first <= 2592000000000000, false) THEN 0
        WHEN NOT COALESCE(touchpoint_2_first > touchpoint_1_first AND touchpoint_2_first - touchpoint_0_first <= 2592000000000000, false) THEN 1
        WHEN NOT COALESCE(touchpoint_3_first > touchpoint_2_first AND touchpoint_3_first - touchpoint_0_first <= 2592000000000000, false) THEN 2
        WHEN NOT COALESCE(touchpoint_4_first > touchpoint_3_first AND touchpoint_4_first - touchpoint_0_first <= 2592000000000000, false) THEN 3
        WHEN NOT COALESCE(touchpoint_5_first > touchpoint_4_first AND touchpoint_5_first - touchpoint_0_first <= 2592000000000000, false) THEN 4
        WHEN NOT COALESCE(touchpoint_6_first > touchpoint_5_first AND touchpoint_6_first - touchpoint_0_first <= 2592000000000000, false) THEN 5
        WHEN NOT COALESCE(touchpoint_7_first > touchpoint_6_first AND touchpoint_7_first - touchpoint_0_first <= 2592000000000000, false) THEN 6
        WHEN NOT COALESCE(touchpoint_8_first > touchpoint_7_first AND touchpoint_8_first - touchpoint_0_first <= 2592000000000000, false) THEN 7
        WHEN NOT COALESCE(touchpoint_9_first > touchpoint_8_first AND touchpoint_9_first - touchpoint_0_first <= 2592000000000000, false) THEN 8
        WHEN NOT COALESCE(touchpoint_10_first > touchpoint_9_first AND touchpoint_10_first - touchpoint_0_first <= 2592000000000000, false) THEN 9
        WHEN NOT COALESCE(touchpoint_11_first > touchpoint_10_first AND touchpoint_11_first - touchpoint_0_first <= 2592000000000000, false) THEN 10
        WHEN NOT COALESCE(touchpoint_12_first > touchpoint_11_first AND touchpoint_12_first - touchpoint_0_first <= 2592000000000000, false) THEN 11
        WHEN NOT COALESCE(touchpoint_13_first > touchpoint_12_first AND touchpoint_13_first - touchpoint_0_first <= 2592000000000000, false) THEN 12
        WHEN NOT COALESCE(touchpoint_14_first > touchpoint_13_first AND touchpoint_14_first - touchpoint_0_first <= 2592000000000000, false) THEN 13
        WHEN NOT COALESCE(touchpoint_15_first > touchpoint_14_first AND touchpoint_15_first - touchpoint_0_first <= 2592000000000000, false) THEN 14
        WHEN NOT COALESCE(touchpoint_16_first > touchpoint_15_first AND touchpoint_16_first - touchpoint_0_first <= 2592000000000000, false) THEN 15
        ELSE 16
      END AS touchpoint_depth,
      CASE
        WHEN stage_0_first IS NULL THEN -1
        WHEN NOT COALESCE(stage_1_first > stage_0_first AND stage_1_first - stage_0_first <= 2592000000000000, false) THEN 0
        WHEN NOT COALESCE(stage_2_first > stage_1_first AND stage_2_first - stage_0_first <= 2592000000000000, false) THEN 1
        WHEN NOT COALESCE(stage_3_first > stage_2_first AND stage_3_first - stage_0_first <= 2592000000000000, false) THEN 2
        WHEN NOT COALESCE(stage_4_first > stage_3_first AND stage_4_first - stage_0_first <= 2592000000000000, false) THEN 3
        WHEN NOT COALESCE(stage_5_first > stage_4_first AND stage_5_first - stage_0_first <= 2592000000000000, false) THEN 4
        ELSE 5
      END AS stage_depth
    FROM (
      SELECT customer,
        touch_1_first,
        touch_2_first,
        touch_5_first,
        touch_6_first,
        touch_0_first AS touchpoint_0_first,
        least(touch_1_first, touch_2_first) AS touchpoint_1_first,
        touch_3_first AS touchpoint_2_first,
        touch_4_first AS touchpoint_3_first,
        least(touch_5_first, touch_6_first) AS touchpoint_4_first,
        touch_7_first AS touchpoint_5_first,
        touch_8_first AS touchpoint_6_first,
        touch_9_first AS touchpoint_7_first,
        touch_10_first AS touchpoint_8_first,
        touch_11_first AS touchpoint_9_first,
        touch_12_first AS touchpoint_10_first,
        touch_13_first AS touchpoint_11_first,
        touch_14_first AS touchpoint_12_first,
        touch_15_first AS touchpoint_13_first,
        touch_16_first AS touchpoint_14_first,
        touch_17_first AS touchpoint_15_first,
        touch_18_first AS touchpoint_16_first,
        least(touch_0_first, touch_1_first, touch_2_first) AS stage_0_first,
        least(touch_3_first, touch_4_first, touch_5_first, touch_6_first, touch_7_first) AS stage_1_first,
        least(touch_8_first, touch_9_first, touch_10_first) AS stage_2_first,
        least(touch_11_first, touch_12_first, touch_13_first) AS stage_3_first,
        least(touch_14_first, touch_15_first) AS stage_4_first,
        least(touch_16_first, touch_17_first, touch_18_first) AS stage_5_first
      FROM firsts
    ) AS f
  ) AS d
),
-- 6. when each step was reached (NULL: not reached) and, for a step with alternatives, the
--    first of them in journey order that has an event then
decided AS (
  SELECT customer, undecided,
    CASE WHEN touchpoint_depth >= 0 THEN touchpoint_0_first END AS touchpoint_0_at,
    CASE WHEN touchpoint_depth >= 1 THEN touchpoint_1_first END AS touchpoint_1_at,
    CASE WHEN touch_1_first = touchpoint_1_first THEN 1 WHEN touch_2_first = touchpoint_1_first THEN 2 END AS touchpoint_1_via,
    CASE WHEN touchpoint_depth >= 2 THEN touchpoint_2_first END AS touchpoint_2_at,
    CASE WHEN touchpoint_depth >= 3 THEN touchpoint_3_first END AS touchpoint_3_at,
    CASE WHEN touchpoint_depth >= 4 THEN touchpoint_4_first END AS touchpoint_4_at,
    CASE WHEN touch_5_first = touchpoint_4_first THEN 5 WHEN touch_6_first = touchpoint_4_first THEN 6 END AS touchpoint_4_via,
    CASE WHEN touchpoint_depth >= 5 THEN touchpoint_5_first END AS touchpoint_5_at,
    CASE WHEN touchpoint_depth >= 6 THEN touchpoint_6_first END AS touchpoint_6_at,
    CASE WHEN touchpoint_depth >= 7 THEN touchpoint_7_first END AS touchpoint_7_at,
    CASE WHEN touchpoint_depth >= 8 THEN touchpoint_8_first END AS touchpoint_8_at,
    CASE WHEN touchpoint_depth >= 9 THEN touchpoint_9_first END AS touchpoint_9_at,
    CASE WHEN touchpoint_depth >= 10 THEN touchpoint_10_first END AS touchpoint_10_at,
    CASE WHEN touchpoint_depth >= 11 THEN touchpoint_11_first END AS touchpoint_11_at,
    CASE WHEN touchpoint_depth >= 12 THEN touchpoint_12_first END AS touchpoint_12_at,
    CASE WHEN touchpoint_depth >= 13 THEN touchpoint_13_first END AS touchpoint_13_at,
    CASE WHEN touchpoint_depth >= 14 THEN touchpoint_14_first END AS touchpoint_14_at,
    CASE WHEN touchpoint_depth >= 15 THEN touchpoint_15_first END AS touchpoint_15_at,
    CASE WHEN touchpoint_depth >= 16 THEN touchpoint_16_first END AS touchpoint_16_at,
    CASE WHEN stage_depth >= 0 THEN stage_0_first END AS stage_0_at,
    CASE WHEN stage_depth >= 1 THEN stage_1_first END AS stage_1_at,
    CASE WHEN stage_depth >= 2 THEN stage_2_first END AS stage_2_at,
    CASE WHEN stage_depth >= 3 THEN stage_3_first END AS stage_3_at,
    CASE WHEN stage_depth >= 4 THEN stage_4_first END AS stage_4_at,
    CASE WHEN stage_depth >= 5 THEN stage_5_first END AS stage_5_at
  FROM fast
),
-- 7. the exact path, for the undecided customers only: their events on planned touchpoints,
--    then one CTE per step: step i is reached at the earliest event on it strictly after
--    step i-1, no later than the window after step 0 (for alternatives: the first of them
--    in journey order at that time)
undecided_customers AS MATERIALIZED (
  SELECT * FROM decided WHERE undecided
),
exact_events AS MATERIALIZED (
  SELECT s.customer, s.t, k.touch, k.touchpoint_step, k.stage_step
  FROM source_rows AS s
  JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable AND s.customer IN (SELECT customer FROM undecided_customers)
),
exact_touchpoint_0 AS ( -- touchpoint step 0: Sees a Facebook carousel ad for the new Sải Bước running lin…
  SELECT customer, touchpoint_0_at AS start_at, touchpoint_0_at AS reached_at, 0 AS via
  FROM undecided_customers
  WHERE touchpoint_0_at IS NOT NULL
),
exact_touchpoint_1 AS MATERIALIZED ( -- touchpoint step 1: Watches a TikTok review by a running coach or Hears about the shop from a friend at the Saturday running c…
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_0 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 1 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_2 AS MATERIALIZED ( -- touchpoint step 2: Searches Google for "giày chạy bộ Sải Bước review"
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_1 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 2 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_3 AS MATERIALIZED ( -- touchpoint step 3: Reads the product page and size guide
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_2 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 3 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_4 AS MATERIALIZED ( -- touchpoint step 4: Compares prices on the Shopee Mall store or Tries the shoes on at the Nguyễn Trãi store
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_3 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 4 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_5 AS MATERIALIZED ( -- touchpoint step 5: Asks the website chat which size to order
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_4 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 5 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_6 AS MATERIALIZED ( -- touchpoint step 6: Reviews the cart and sees the shipping fee for the first tim…
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_5 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 6 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_7 AS MATERIALIZED ( -- touchpoint step 7: Fills in the checkout form and pays by MoMo
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_6 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 7 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_8 AS MATERIALIZED ( -- touchpoint step 8: Receives the order confirmation email
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_7 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 8 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_9 AS MATERIALIZED ( -- touchpoint step 9: Gets SMS updates from the courier
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_8 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 9 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_10 AS MATERIALIZED ( -- touchpoint step 10: The courier hands over the parcel at the office lobby
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_9 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 10 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_11 AS MATERIALIZED ( -- touchpoint step 11: Opens the box and finds a care card and a size-exchange note
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_10 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 11 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_12 AS MATERIALIZED ( -- touchpoint step 12: Calls the hotline to exchange the size
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_11 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 12 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_13 AS MATERIALIZED ( -- touchpoint step 13: Exchanges the shoes at the store instead
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_12 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 13 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_14 AS MATERIALIZED ( -- touchpoint step 14: Receives an email asking for a review
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_13 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 14 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_15 AS MATERIALIZED ( -- touchpoint step 15: Opens the loyalty app to check her points
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_14 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 15 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_touchpoint_16 AS MATERIALIZED ( -- touchpoint step 16: Tells her running club about the shop
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.touch}) AS m
    FROM exact_touchpoint_15 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.touchpoint_step = 16 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_stage_0 AS ( -- stage step 0: Awareness
  SELECT customer, stage_0_at AS start_at, stage_0_at AS reached_at, 0 AS via
  FROM undecided_customers
  WHERE stage_0_at IS NOT NULL
),
exact_stage_1 AS MATERIALIZED ( -- stage step 1: Consideration
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.stage_step}) AS m
    FROM exact_stage_0 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.stage_step = 1 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_stage_2 AS MATERIALIZED ( -- stage step 2: Purchase
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.stage_step}) AS m
    FROM exact_stage_1 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.stage_step = 2 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_stage_3 AS MATERIALIZED ( -- stage step 3: Delivery
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.stage_step}) AS m
    FROM exact_stage_2 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.stage_step = 3 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_stage_4 AS MATERIALIZED ( -- stage step 4: Use and support
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.stage_step}) AS m
    FROM exact_stage_3 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.stage_step = 4 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
exact_stage_5 AS MATERIALIZED ( -- stage step 5: Loyalty and advocacy
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': e.stage_step}) AS m
    FROM exact_stage_4 AS p
    JOIN exact_events AS e ON e.customer = p.customer AND e.stage_step = 5 AND e.t > p.reached_at AND e.t - p.start_at <= 2592000000000000
    GROUP BY p.customer
  ) AS x
),
-- 8. one row per customer: when each step was reached (NULL: not reached) and, for a step
--    with alternatives, the touchpoint that reached it
reached AS MATERIALIZED (
  SELECT customer, touchpoint_0_at, touchpoint_1_at, touchpoint_1_via, touchpoint_2_at, touchpoint_3_at, touchpoint_4_at, touchpoint_4_via, touchpoint_5_at, touchpoint_6_at, touchpoint_7_at, touchpoint_8_at, touchpoint_9_at, touchpoint_10_at, touchpoint_11_at, touchpoint_12_at, touchpoint_13_at, touchpoint_14_at, touchpoint_15_at, touchpoint_16_at, stage_0_at, stage_1_at, stage_2_at, stage_3_at, stage_4_at, stage_5_at
  FROM decided
  WHERE NOT undecided
  UNION ALL
  SELECT u.customer, touchpoint_0.reached_at AS touchpoint_0_at, touchpoint_1.reached_at AS touchpoint_1_at, touchpoint_1.via AS touchpoint_1_via, touchpoint_2.reached_at AS touchpoint_2_at, touchpoint_3.reached_at AS touchpoint_3_at, touchpoint_4.reached_at AS touchpoint_4_at, touchpoint_4.via AS touchpoint_4_via, touchpoint_5.reached_at AS touchpoint_5_at, touchpoint_6.reached_at AS touchpoint_6_at, touchpoint_7.reached_at AS touchpoint_7_at, touchpoint_8.reached_at AS touchpoint_8_at, touchpoint_9.reached_at AS touchpoint_9_at, touchpoint_10.reached_at AS touchpoint_10_at, touchpoint_11.reached_at AS touchpoint_11_at, touchpoint_12.reached_at AS touchpoint_12_at, touchpoint_13.reached_at AS touchpoint_13_at, touchpoint_14.reached_at AS touchpoint_14_at, touchpoint_15.reached_at AS touchpoint_15_at, touchpoint_16.reached_at AS touchpoint_16_at, stage_0.reached_at AS stage_0_at, stage_1.reached_at AS stage_1_at, stage_2.reached_at AS stage_2_at, stage_3.reached_at AS stage_3_at, stage_4.reached_at AS stage_4_at, stage_5.reached_at AS stage_5_at
  FROM undecided_customers AS u
  LEFT JOIN exact_touchpoint_0 AS touchpoint_0 ON touchpoint_0.customer = u.customer
  LEFT JOIN exact_touchpoint_1 AS touchpoint_1 ON touchpoint_1.customer = u.customer
  LEFT JOIN exact_touchpoint_2 AS touchpoint_2 ON touchpoint_2.customer = u.customer
  LEFT JOIN exact_touchpoint_3 AS touchpoint_3 ON touchpoint_3.customer = u.customer
  LEFT JOIN exact_touchpoint_4 AS touchpoint_4 ON touchpoint_4.customer = u.customer
  LEFT JOIN exact_touchpoint_5 AS touchpoint_5 ON touchpoint_5.customer = u.customer
  LEFT JOIN exact_touchpoint_6 AS touchpoint_6 ON touchpoint_6.customer = u.customer
  LEFT JOIN exact_touchpoint_7 AS touchpoint_7 ON touchpoint_7.customer = u.customer
  LEFT JOIN exact_touchpoint_8 AS touchpoint_8 ON touchpoint_8.customer = u.customer
  LEFT JOIN exact_touchpoint_9 AS touchpoint_9 ON touchpoint_9.customer = u.customer
  LEFT JOIN exact_touchpoint_10 AS touchpoint_10 ON touchpoint_10.customer = u.customer
  LEFT JOIN exact_touchpoint_11 AS touchpoint_11 ON touchpoint_11.customer = u.customer
  LEFT JOIN exact_touchpoint_12 AS touchpoint_12 ON touchpoint_12.customer = u.customer
  LEFT JOIN exact_touchpoint_13 AS touchpoint_13 ON touchpoint_13.customer = u.customer
  LEFT JOIN exact_touchpoint_14 AS touchpoint_14 ON touchpoint_14.customer = u.customer
  LEFT JOIN exact_touchpoint_15 AS touchpoint_15 ON touchpoint_15.customer = u.customer
  LEFT JOIN exact_touchpoint_16 AS touchpoint_16 ON touchpoint_16.customer = u.customer
  LEFT JOIN exact_stage_0 AS stage_0 ON stage_0.customer = u.customer
  LEFT JOIN exact_stage_1 AS stage_1 ON stage_1.customer = u.customer
  LEFT JOIN exact_stage_2 AS stage_2 ON stage_2.customer = u.customer
  LEFT JOIN exact_stage_3 AS stage_3 ON stage_3.customer = u.customer
  LEFT JOIN exact_stage_4 AS stage_4 ON stage_4.customer = u.customer
  LEFT JOIN exact_stage_5 AS stage_5 ON stage_5.customer = u.customer
),
-- 9. the counts: customers, customers who reached each step (per touchpoint that reached
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
-- 10. one row per customer and step reached after step 0: the times to convert; measure
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
  SELECT measure, step, (greatest(e, 7) - 6) * 128 + m - 128 AS bucket, greatest(e - 29 + CAST(f AS BIGINT), 0) AS bin, n
  FROM (
    SELECT measure, step, e, m, f, count(*) AS n
    FROM (SELECT measure, step, e, (d >> (greatest(e, 7) - 7)) AS m, d >= (CAST(1000000000 AS BIGINT) << greatest(e - 29, 0)) AS f FROM (SELECT *, e_0 - 1 + least(d >> e_0, 2) AS e FROM (SELECT *, CAST(floor(log2(greatest(d, 1))) AS BIGINT) AS e_0 FROM (SELECT measure, step, d FROM measures) AS m) AS l0) AS l) AS k
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

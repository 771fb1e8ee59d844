-- 0004: tiering reads (issue 3 §6).
-- 1. `revenue_years`: yearly totals per customer. Annual grading reads one row per customer here
--    instead of aggregating twelve monthly rows at run time (20,000 customers: ~35 ms instead of
--    ~150 ms). Kept by triggers on `revenue_months`, so every writer of the monthly copy (revenue
--    store, import batches and their undo, demo data) keeps it exact without knowing it exists.
-- 2. `revenue_months` is re-keyed period first: with the year totals above, its hot read is one
--    month for every customer (the graded month, exports), now one contiguous range in customer
--    order; the secondary period index goes. A rolling 12-month window (monthly preview) sorts.
-- 3. `tier_results` keeps each result's inputs as typed columns instead of a JSON text: writing
--    20,000 JSON strings was half the cost of a run. Existing results are converted exactly
--    (an absent line in the JSON was 0).

CREATE TABLE revenue_months_new (
  period TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  savings INTEGER NOT NULL DEFAULT 0,
  bills INTEGER NOT NULL DEFAULT 0,
  letters INTEGER NOT NULL DEFAULT 0,
  philately INTEGER NOT NULL DEFAULT 0,
  express INTEGER NOT NULL DEFAULT 0,
  logistics INTEGER NOT NULL DEFAULT 0,
  parcels INTEGER NOT NULL DEFAULT 0,
  newspapers INTEGER NOT NULL DEFAULT 0,
  other INTEGER NOT NULL DEFAULT 0,
  -- monthly newspaper turnover (annual ÷ 12), when the unit reported turnover (R8)
  newspaper_turnover INTEGER,
  PRIMARY KEY (period, customer_id)
) STRICT, WITHOUT ROWID;
INSERT INTO revenue_months_new (period, customer_id, savings, bills, letters, philately, express, logistics, parcels,
  newspapers, other, newspaper_turnover)
SELECT period, customer_id, savings, bills, letters, philately, express, logistics, parcels, newspapers, other,
  newspaper_turnover
FROM revenue_months ORDER BY period, customer_id;
DROP INDEX revenue_months_period;
DROP TABLE revenue_months;
ALTER TABLE revenue_months_new RENAME TO revenue_months;

CREATE TABLE revenue_years (
  year INTEGER NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  savings INTEGER NOT NULL DEFAULT 0,
  bills INTEGER NOT NULL DEFAULT 0,
  letters INTEGER NOT NULL DEFAULT 0,
  philately INTEGER NOT NULL DEFAULT 0,
  express INTEGER NOT NULL DEFAULT 0,
  logistics INTEGER NOT NULL DEFAULT 0,
  parcels INTEGER NOT NULL DEFAULT 0,
  newspapers INTEGER NOT NULL DEFAULT 0,
  other INTEGER NOT NULL DEFAULT 0,
  -- sum and count of the months with a reported newspaper turnover (R8)
  newspaper_turnover INTEGER NOT NULL DEFAULT 0,
  turnover_months INTEGER NOT NULL DEFAULT 0,
  -- monthly rows summed; the row goes when it reaches 0
  months INTEGER NOT NULL DEFAULT 0,
  -- year first: one year is one contiguous range, already in customer order
  PRIMARY KEY (year, customer_id)
) STRICT, WITHOUT ROWID;

INSERT INTO revenue_years (year, customer_id, savings, bills, letters, philately, express, logistics, parcels,
  newspapers, other, newspaper_turnover, turnover_months, months)
SELECT CAST(substr(period, 1, 4) AS INTEGER), customer_id, sum(savings), sum(bills), sum(letters), sum(philately),
  sum(express), sum(logistics), sum(parcels), sum(newspapers), sum(other), coalesce(sum(newspaper_turnover), 0),
  count(newspaper_turnover), count(*)
FROM revenue_months GROUP BY 1, 2;

CREATE TRIGGER revenue_years_add AFTER INSERT ON revenue_months BEGIN
  INSERT INTO revenue_years (year, customer_id, savings, bills, letters, philately, express, logistics, parcels,
    newspapers, other, newspaper_turnover, turnover_months, months)
  VALUES (CAST(substr(NEW.period, 1, 4) AS INTEGER), NEW.customer_id, NEW.savings, NEW.bills, NEW.letters,
    NEW.philately, NEW.express, NEW.logistics, NEW.parcels, NEW.newspapers, NEW.other,
    coalesce(NEW.newspaper_turnover, 0), NEW.newspaper_turnover IS NOT NULL, 1)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    savings = savings + excluded.savings, bills = bills + excluded.bills, letters = letters + excluded.letters,
    philately = philately + excluded.philately, express = express + excluded.express,
    logistics = logistics + excluded.logistics, parcels = parcels + excluded.parcels,
    newspapers = newspapers + excluded.newspapers, other = other + excluded.other,
    newspaper_turnover = newspaper_turnover + excluded.newspaper_turnover,
    turnover_months = turnover_months + excluded.turnover_months, months = months + 1;
END;

CREATE TRIGGER revenue_years_remove AFTER DELETE ON revenue_months BEGIN
  UPDATE revenue_years SET
    savings = savings - OLD.savings, bills = bills - OLD.bills, letters = letters - OLD.letters,
    philately = philately - OLD.philately, express = express - OLD.express, logistics = logistics - OLD.logistics,
    parcels = parcels - OLD.parcels, newspapers = newspapers - OLD.newspapers, other = other - OLD.other,
    newspaper_turnover = newspaper_turnover - coalesce(OLD.newspaper_turnover, 0),
    turnover_months = turnover_months - (OLD.newspaper_turnover IS NOT NULL), months = months - 1
  WHERE year = CAST(substr(OLD.period, 1, 4) AS INTEGER) AND customer_id = OLD.customer_id;
  DELETE FROM revenue_years
  WHERE year = CAST(substr(OLD.period, 1, 4) AS INTEGER) AND customer_id = OLD.customer_id AND months = 0;
END;

-- An update that keeps the row's period and customer (every writer's case: an import commit adds
-- each changed cell's difference to its month row) adds NEW − OLD to the year row, which exists
-- because the old month is in it. An update moving a row to another period or customer takes
-- the old month out (dropping an emptied year) and adds the new one in.
CREATE TRIGGER revenue_years_change_same_key AFTER UPDATE ON revenue_months
WHEN NEW.period = OLD.period AND NEW.customer_id = OLD.customer_id BEGIN
  UPDATE revenue_years SET
    savings = savings + NEW.savings - OLD.savings, bills = bills + NEW.bills - OLD.bills,
    letters = letters + NEW.letters - OLD.letters, philately = philately + NEW.philately - OLD.philately,
    express = express + NEW.express - OLD.express, logistics = logistics + NEW.logistics - OLD.logistics,
    parcels = parcels + NEW.parcels - OLD.parcels, newspapers = newspapers + NEW.newspapers - OLD.newspapers,
    other = other + NEW.other - OLD.other,
    newspaper_turnover = newspaper_turnover + coalesce(NEW.newspaper_turnover, 0) - coalesce(OLD.newspaper_turnover, 0),
    turnover_months = turnover_months + (NEW.newspaper_turnover IS NOT NULL) - (OLD.newspaper_turnover IS NOT NULL)
  WHERE year = CAST(substr(NEW.period, 1, 4) AS INTEGER) AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER revenue_years_change AFTER UPDATE ON revenue_months
WHEN NEW.period IS NOT OLD.period OR NEW.customer_id IS NOT OLD.customer_id BEGIN
  UPDATE revenue_years SET
    savings = savings - OLD.savings, bills = bills - OLD.bills, letters = letters - OLD.letters,
    philately = philately - OLD.philately, express = express - OLD.express, logistics = logistics - OLD.logistics,
    parcels = parcels - OLD.parcels, newspapers = newspapers - OLD.newspapers, other = other - OLD.other,
    newspaper_turnover = newspaper_turnover - coalesce(OLD.newspaper_turnover, 0),
    turnover_months = turnover_months - (OLD.newspaper_turnover IS NOT NULL), months = months - 1
  WHERE year = CAST(substr(OLD.period, 1, 4) AS INTEGER) AND customer_id = OLD.customer_id;
  DELETE FROM revenue_years
  WHERE year = CAST(substr(OLD.period, 1, 4) AS INTEGER) AND customer_id = OLD.customer_id AND months = 0;
  INSERT INTO revenue_years (year, customer_id, savings, bills, letters, philately, express, logistics, parcels,
    newspapers, other, newspaper_turnover, turnover_months, months)
  VALUES (CAST(substr(NEW.period, 1, 4) AS INTEGER), NEW.customer_id, NEW.savings, NEW.bills, NEW.letters,
    NEW.philately, NEW.express, NEW.logistics, NEW.parcels, NEW.newspapers, NEW.other,
    coalesce(NEW.newspaper_turnover, 0), NEW.newspaper_turnover IS NOT NULL, 1)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    savings = savings + excluded.savings, bills = bills + excluded.bills, letters = letters + excluded.letters,
    philately = philately + excluded.philately, express = express + excluded.express,
    logistics = logistics + excluded.logistics, parcels = parcels + excluded.parcels,
    newspapers = newspapers + excluded.newspapers, other = other + excluded.other,
    newspaper_turnover = newspaper_turnover + excluded.newspaper_turnover,
    turnover_months = turnover_months + excluded.turnover_months, months = months + 1;
END;

CREATE TABLE tier_results_new (
  run_id INTEGER NOT NULL REFERENCES tier_runs(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  qualified INTEGER NOT NULL CHECK (qualified IN (0, 1)),
  clauses TEXT NOT NULL,
  annual_fen INTEGER NOT NULL,
  this_month_fen INTEGER NOT NULL,
  revenue_score INTEGER NOT NULL,
  share_score INTEGER NOT NULL,
  share_ppm INTEGER NOT NULL,
  total_x100 INTEGER NOT NULL,
  tier TEXT CHECK (tier IN ('diamond', 'gold', 'silver', 'general')),
  scope TEXT NOT NULL,
  main_line TEXT,
  responsible_role TEXT,
  responsible_unit_id INTEGER REFERENCES units(id),
  previous_tier TEXT,
  -- The inputs evaluated (fen); with the run's policy version and bureau revenue they rebuild the
  -- explanation exactly (shared/domain/evaluation.ts is deterministic).
  in_agreement INTEGER NOT NULL CHECK (in_agreement IN (0, 1)),
  in_home_unit_is_county INTEGER NOT NULL CHECK (in_home_unit_is_county IN (0, 1)),
  -- the centre's manual decision (R5–R8), when there was one
  in_manual INTEGER CHECK (in_manual IN (0, 1)),
  in_manual_reason TEXT,
  -- R8 newspaper turnover of the window and of the month, when reported
  in_turnover INTEGER,
  in_month_turnover INTEGER,
  -- annual window by line
  in_savings INTEGER NOT NULL,
  in_bills INTEGER NOT NULL,
  in_letters INTEGER NOT NULL,
  in_philately INTEGER NOT NULL,
  in_express INTEGER NOT NULL,
  in_logistics INTEGER NOT NULL,
  in_parcels INTEGER NOT NULL,
  in_newspapers INTEGER NOT NULL,
  in_other INTEGER NOT NULL,
  -- the graded month by line
  in_month_savings INTEGER NOT NULL,
  in_month_bills INTEGER NOT NULL,
  in_month_letters INTEGER NOT NULL,
  in_month_philately INTEGER NOT NULL,
  in_month_express INTEGER NOT NULL,
  in_month_logistics INTEGER NOT NULL,
  in_month_parcels INTEGER NOT NULL,
  in_month_newspapers INTEGER NOT NULL,
  in_month_other INTEGER NOT NULL,
  PRIMARY KEY (run_id, customer_id)
) STRICT, WITHOUT ROWID;
INSERT INTO tier_results_new
SELECT run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score, share_score, share_ppm,
  total_x100, tier, scope, main_line, responsible_role, responsible_unit_id, previous_tier,
  json_extract(inputs, '$.agreement'), json_extract(inputs, '$.homeUnitIsCounty'),
  json_extract(inputs, '$.manual.qualified'), json_extract(inputs, '$.manual.reason'),
  json_extract(inputs, '$.figures.newspaperTurnover.annual'), json_extract(inputs, '$.figures.newspaperTurnover.thisMonth'),
  coalesce(json_extract(inputs, '$.figures.annual.savings'), 0), coalesce(json_extract(inputs, '$.figures.annual.bills'), 0), coalesce(json_extract(inputs, '$.figures.annual.letters'), 0), coalesce(json_extract(inputs, '$.figures.annual.philately'), 0), coalesce(json_extract(inputs, '$.figures.annual.express'), 0), coalesce(json_extract(inputs, '$.figures.annual.logistics'), 0), coalesce(json_extract(inputs, '$.figures.annual.parcels'), 0), coalesce(json_extract(inputs, '$.figures.annual.newspapers'), 0), coalesce(json_extract(inputs, '$.figures.annual.other'), 0),
  coalesce(json_extract(inputs, '$.figures.thisMonth.savings'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.bills'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.letters'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.philately'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.express'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.logistics'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.parcels'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.newspapers'), 0), coalesce(json_extract(inputs, '$.figures.thisMonth.other'), 0)
FROM tier_results;
DROP TABLE tier_results;
ALTER TABLE tier_results_new RENAME TO tier_results;

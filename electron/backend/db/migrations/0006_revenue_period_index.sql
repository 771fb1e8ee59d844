-- 0006 (issue 4 §7): drop revenue(period). Every reader of `revenue` starts from a customer (the
-- revenue page, the import's stored cells and claims, a unit's template through customers_unit),
-- and the tiering and exports read the monthly copy; the index only made each import batch write
-- a second B-tree (~10% of a commit), and led a unit's template query to scan every unit's year.
DROP INDEX revenue_period;

-- 0024: the industry ranking worksheet (R21 steps 2–3): per industry of the classification table,
-- the factors with their weights, and the enterprises surveyed (prospects) with a value per factor.
-- A prospect turned into a registration (R19) keeps the registration's id and is then fixed.
-- DOMAIN-DECISIONS "Classification table (附件2, R21)".
CREATE TABLE ranking_worksheets (
  industry_code TEXT PRIMARY KEY REFERENCES classification_industries(code),
  -- [{"key","name","weight"}], weights whole percent summing to 100 (checked by the handler).
  factors TEXT NOT NULL CHECK (json_valid(factors) AND json_type(factors) = 'array'),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE ranking_prospects (
  id INTEGER PRIMARY KEY,
  industry_code TEXT NOT NULL REFERENCES classification_industries(code),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  credit_code TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18),
  area_code TEXT NOT NULL REFERENCES area_codes(code),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  -- {"factor key": 0–100}
  factor_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(factor_values) AND json_type(factor_values) = 'object'),
  note TEXT,
  registration_id INTEGER UNIQUE REFERENCES registrations(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX ranking_prospects_industry ON ranking_prospects(industry_code, id);
-- One enterprise is surveyed once (in one industry).
CREATE UNIQUE INDEX ranking_prospects_credit_code ON ranking_prospects(credit_code) WHERE credit_code IS NOT NULL;

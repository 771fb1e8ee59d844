-- 0007: the line → professional bureau table (R15). Each product line belongs to at most one
-- professional bureau and one bureau may own several lines; a line without a row has no bureau,
-- and its professional gold/silver customers fall back to the city centre. The table is the one
-- owner of the fact: units.main_line (one line per unit) is dropped.
CREATE TABLE line_bureaus (
  line TEXT PRIMARY KEY CHECK (line IN ('savings', 'bills', 'letters', 'philately', 'express', 'logistics', 'parcels', 'newspapers')),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX line_bureaus_unit ON line_bureaus(unit_id);

-- What a version-6 database knew: each active professional bureau's main line. Where two
-- bureaus named the same line, the tiering used the later one (the higher id); so does this.
INSERT INTO line_bureaus (line, unit_id, updated_at)
SELECT main_line, max(id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM units
WHERE kind = 'professional' AND retired_on IS NULL
  AND main_line IN ('savings', 'bills', 'letters', 'philately', 'express', 'logistics', 'parcels', 'newspapers')
GROUP BY main_line;

-- The seed (DOMAIN.md R15, shared/domain/organisation.ts SEED_LINE_BUREAUS) for the lines left
-- unowned, by the seed bureau's code, when that bureau is still an active professional bureau.
-- A new database has no units yet: the organisation seed writes the table after its units.
WITH seed(line, code) AS (
  VALUES ('savings', 'P02'), ('bills', 'P03'), ('letters', 'P03'), ('philately', 'P04'),
         ('express', 'P05'), ('logistics', 'P05'), ('parcels', 'P05'), ('newspapers', 'P06')
)
INSERT INTO line_bureaus (line, unit_id, updated_at)
SELECT s.line, u.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM seed s
JOIN units u ON u.code = s.code AND u.kind = 'professional' AND u.retired_on IS NULL
WHERE s.line NOT IN (SELECT line FROM line_bureaus);

ALTER TABLE units DROP COLUMN main_line;

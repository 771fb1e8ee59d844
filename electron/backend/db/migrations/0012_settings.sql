-- App settings as key → JSON value (DOMAIN-DECISIONS "Backups"): the backups' retention and when
-- the database last passed its full integrity check. One small table rather than a column per
-- setting, so a later setting needs no migration.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- 0024: reserved for the template work on its own branch (migrations must be contiguous). This
-- placeholder changes nothing; drop it when that branch's 0024 lands.
SELECT 1;

-- 0023: tariff discounts (资费优惠, R29): a request and its approval chain, fixed when it is made
-- from the policy in force, then one recorded decision per step in order. A rejection ends the
-- request; the last approval makes it approved. DOMAIN-DECISIONS "Discounts (R29)".
CREATE TABLE discount_requests (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  -- the customer's tier in force when the request was made (null: not a key customer)
  tier TEXT CHECK (tier IS NULL OR tier IN ('diamond', 'gold', 'silver', 'general')),
  line TEXT NOT NULL CHECK (line IN ('savings', 'bills', 'letters', 'philately', 'express', 'logistics',
    'parcels', 'newspapers', 'other')),
  -- rates per charging unit (件, 千克, 首重…) in integer fen; a discount is below the standard
  rate_unit TEXT NOT NULL,
  standard_rate INTEGER NOT NULL CHECK (standard_rate > 0),
  proposed_rate INTEGER NOT NULL CHECK (proposed_rate > 0 AND proposed_rate < standard_rate),
  -- expected charging units a month, when the unit gave them
  monthly_volume INTEGER CHECK (monthly_volume IS NULL OR monthly_volume >= 0),
  reason TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL CHECK (valid_to >= valid_from),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  -- the chain as requiredSteps gave it: [{role, label: {zh, en}, reasons: [{zh, en}]}]
  steps TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array' AND json_array_length(steps) >= 1),
  policy_version INTEGER NOT NULL,
  requested_on TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  -- when it was approved, rejected or withdrawn; a withdrawal's reason
  closed_at TEXT,
  withdraw_reason TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'pending') = (closed_at IS NULL)),
  CHECK (status <> 'withdrawn' OR withdraw_reason IS NOT NULL)
) STRICT;
CREATE INDEX discount_requests_customer ON discount_requests(customer_id, line);
CREATE INDEX discount_requests_open ON discount_requests(status) WHERE status IN ('pending', 'approved');

-- One decision per step, in order (step 0 first); a rejection needs its comment.
CREATE TABLE discount_decisions (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES discount_requests(id),
  step INTEGER NOT NULL CHECK (step >= 0),
  role TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  -- who signed for the role (the paper's signature), and the operator who recorded it
  approver TEXT,
  comment TEXT,
  decided_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (request_id, step),
  CHECK (decision <> 'reject' OR comment IS NOT NULL)
) STRICT;
CREATE TRIGGER discount_decisions_no_update BEFORE UPDATE ON discount_decisions
BEGIN SELECT RAISE(ABORT, 'discount_decisions is append-only'); END;
CREATE TRIGGER discount_decisions_no_delete BEFORE DELETE ON discount_decisions
BEGIN SELECT RAISE(ABORT, 'discount_decisions is append-only'); END;

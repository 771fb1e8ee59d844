-- 0022: the classification table (附件2, R21): industries in priority order (seeded with GB/T
-- 4754-2017's sections A–T), each with its key customers in order. The 附件6-2 and 附件7 lists
-- follow it. DOMAIN-DECISIONS "Classification table (附件2, R21)".
CREATE TABLE classification_industries (
  code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 12),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  position INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE classification_customers (
  customer_id TEXT PRIMARY KEY REFERENCES customers(id),
  industry_code TEXT NOT NULL REFERENCES classification_industries(code),
  position INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX classification_customers_industry ON classification_customers(industry_code, position);

INSERT INTO classification_industries (code, name, position, updated_at, updated_by) VALUES
  ('A', '农、林、牧、渔业', 1, '', 'GB/T 4754-2017'),
  ('B', '采矿业', 2, '', 'GB/T 4754-2017'),
  ('C', '制造业', 3, '', 'GB/T 4754-2017'),
  ('D', '电力、热力、燃气及水生产和供应业', 4, '', 'GB/T 4754-2017'),
  ('E', '建筑业', 5, '', 'GB/T 4754-2017'),
  ('F', '批发和零售业', 6, '', 'GB/T 4754-2017'),
  ('G', '交通运输、仓储和邮政业', 7, '', 'GB/T 4754-2017'),
  ('H', '住宿和餐饮业', 8, '', 'GB/T 4754-2017'),
  ('I', '信息传输、软件和信息技术服务业', 9, '', 'GB/T 4754-2017'),
  ('J', '金融业', 10, '', 'GB/T 4754-2017'),
  ('K', '房地产业', 11, '', 'GB/T 4754-2017'),
  ('L', '租赁和商务服务业', 12, '', 'GB/T 4754-2017'),
  ('M', '科学研究和技术服务业', 13, '', 'GB/T 4754-2017'),
  ('N', '水利、环境和公共设施管理业', 14, '', 'GB/T 4754-2017'),
  ('O', '居民服务、修理和其他服务业', 15, '', 'GB/T 4754-2017'),
  ('P', '教育', 16, '', 'GB/T 4754-2017'),
  ('Q', '卫生和社会工作', 17, '', 'GB/T 4754-2017'),
  ('R', '文化、体育和娱乐业', 18, '', 'GB/T 4754-2017'),
  ('S', '公共管理、社会保障和社会组织', 19, '', 'GB/T 4754-2017'),
  ('T', '国际组织', 20, '', 'GB/T 4754-2017');

/**
 * R17: the four blocks of a customer's archive (附件3) — basic, extended, key persons (repeatable)
 * and competitors (repeatable) — with each field's key, zh/en label, type, length limit, whether
 * completeness counts it (`required`) and whether it is sensitive personal information
 * (`sensitive`: every key-person field; masked on screen, never exported, never in the audit log).
 * One definition serves the input schema, the store, the diff, the completeness score and the CLI.
 * DOMAIN-DECISIONS "Archives and managers (R17, R18, R20, R30)".
 */

/** The stored document's layout version (archive_revisions.schema_version). */
export const ARCHIVE_SCHEMA_VERSION = 1;

export type ArchiveFieldType = 'text' | 'integer';

export interface ArchiveField {
  key: string;
  zh: string;
  en: string;
  type: ArchiveFieldType;
  /** Characters for text; the largest value for integers. */
  max: number;
  /** Counted by the completeness score. */
  required: boolean;
  /** Personal information (R17): masked unless explicitly shown, which is recorded. */
  sensitive: boolean;
}

export const ARCHIVE_BLOCK_KEYS = ['basic', 'extended', 'keyPersons', 'competitors'] as const;
export type ArchiveBlockKey = (typeof ARCHIVE_BLOCK_KEYS)[number];
export type RepeatableBlockKey = 'keyPersons' | 'competitors';

export interface ArchiveBlock {
  key: ArchiveBlockKey;
  zh: string;
  en: string;
  repeatable: boolean;
  /** Repeatable blocks: at most this many entries. */
  maxEntries: number;
  /** Repeatable blocks: completeness wants at least this many entries (0: the block may be empty). */
  minEntries: number;
  /** Which field names an entry when matching entries across revisions (repeatable blocks). */
  nameField: string | null;
  fields: readonly ArchiveField[];
}

const t = (key: string, zh: string, en: string, max: number, required = false, sensitive = false): ArchiveField => ({
  key,
  zh,
  en,
  type: 'text',
  max,
  required,
  sensitive,
});
const n = (key: string, zh: string, en: string, max: number, required = false, sensitive = false): ArchiveField => ({
  key,
  zh,
  en,
  type: 'integer',
  max,
  required,
  sensitive,
});

/** Every key-person field is personal (R17): `sensitive` for all of them. */
const p = (key: string, zh: string, en: string, max: number, required = false): ArchiveField =>
  t(key, zh, en, max, required, true);

export const ARCHIVE_BLOCKS: readonly ArchiveBlock[] = [
  {
    key: 'basic',
    zh: '基本情况',
    en: 'Basic information',
    repeatable: false,
    maxEntries: 1,
    minEntries: 1,
    nameField: null,
    fields: [
      t('fullName', '客户全称', 'Full name', 80, true),
      t('shortName', '客户简称', 'Short name', 30),
      t('address', '地址', 'Address', 120, true),
      t('postcode', '邮政编码', 'Postcode', 6, true),
      t('legalRepresentative', '法定代表人', 'Legal representative', 30, true),
      // A contact's name, phone, email and fax are personal (audit/personal.ts names them).
      t('contactName', '联系人', 'Contact', 30, true, true),
      t('contactPhone', '联系电话', 'Contact phone', 30, true, true),
      t('email', '电子邮箱', 'Email', 80, false, true),
      t('fax', '传真', 'Fax', 30, false, true),
      t('size', '企业规模', 'Size', 60),
      t('industry', '所属行业', 'Industry', 30, true),
      t('mainProducts', '主要产品', 'Main products', 200, true),
      t('postalLines', '使用的邮政业务', 'Postal lines used', 200, true),
      t('postalSpend', '用邮金额', 'Postal spend', 60, true),
      t('postalVolume', '用邮量', 'Postal volume', 60),
    ],
  },
  {
    key: 'extended',
    zh: '扩展信息',
    en: 'Extended information',
    repeatable: false,
    maxEntries: 1,
    minEntries: 1,
    nameField: null,
    fields: [
      t('orgChart', '组织结构', 'Organisation chart', 500),
      t('leaders', '主要领导', 'Leaders', 200, true),
      t('registeredCapital', '注册资本', 'Registered capital', 60, true),
      t('finances', '财务状况', 'Finances', 500),
      t('businessPlan', '经营计划', 'Business plan', 500),
      n('staffCount', '员工人数', 'Staff count', 10_000_000, true),
      t('potential', '发展潜力', 'Potential', 500, true),
      t('strengthsWeaknesses', '优势与劣势', 'Strengths and weaknesses', 500),
      t('credit', '信用状况', 'Credit', 200),
    ],
  },
  {
    key: 'keyPersons',
    zh: '关键人信息',
    en: 'Key persons',
    repeatable: true,
    maxEntries: 30,
    minEntries: 1,
    nameField: 'name',
    fields: [
      p('name', '姓名', 'Name', 30, true),
      p('position', '职务', 'Position', 60, true),
      p('age', '年龄', 'Age', 10),
      p('ethnicity', '民族', 'Ethnicity', 20),
      p('maritalStatus', '婚姻状况', 'Marital status', 20),
      p('contact', '联系方式', 'Contact details', 100, true),
      p('family', '家庭情况', 'Family', 300),
      p('education', '教育背景', 'Education', 200),
      p('interests', '兴趣爱好', 'Interests', 300),
      p('taboos', '忌讳', 'Taboos', 300),
      p('importantDates', '重要日子', 'Important dates', 200),
      p('competitorTies', '与竞争对手的关系', 'Ties to competitors', 300),
    ],
  },
  {
    key: 'competitors',
    zh: '竞争对手信息',
    en: 'Competitors',
    repeatable: true,
    maxEntries: 30,
    minEntries: 0,
    nameField: 'name',
    fields: [
      t('name', '竞争对手', 'Competitor', 60, true),
      t('price', '对手价格', 'Their price', 200, true),
      t('volume', '客户在对手处的业务量', "The customer's volume with them", 200, true),
      t('marketShare', '市场份额', 'Market share', 60),
      t('methods', '竞争手段', 'Methods', 500),
      // Ties between the competitor and the customer's people: personal.
      t('personalTies', '人际关系', 'Personal ties', 300, false, true),
    ],
  },
];

export function blockOf(key: ArchiveBlockKey): ArchiveBlock {
  return ARCHIVE_BLOCKS.find((b) => b.key === key) as ArchiveBlock;
}

export type ArchiveValue = string | number | null;
export type ArchiveRecord = Record<string, ArchiveValue>;
/** An entry of a repeatable block: its stable key (kept across revisions) and its fields. */
export type ArchiveEntry = { key: string } & ArchiveRecord;

export interface ArchiveDocument {
  basic: ArchiveRecord;
  extended: ArchiveRecord;
  keyPersons: ArchiveEntry[];
  competitors: ArchiveEntry[];
}

export function emptyArchive(): ArchiveDocument {
  return { basic: {}, extended: {}, keyPersons: [], competitors: [] };
}

/** Written in place of a masked personal value (R17). */
export const MASK = '＊＊＊';

/**
 * A copy with every sensitive field's value masked (present values only: an empty field stays
 * empty, so completeness still shows). Key persons keep their entry keys, so a diff can be read.
 */
export function maskArchive(doc: ArchiveDocument): ArchiveDocument {
  const mask = (block: ArchiveBlock, r: ArchiveRecord): ArchiveRecord => {
    const out: ArchiveRecord = { ...r };
    for (const f of block.fields) if (f.sensitive && out[f.key] !== null && out[f.key] !== undefined) out[f.key] = MASK;
    return out;
  };
  return {
    basic: mask(blockOf('basic'), doc.basic),
    extended: mask(blockOf('extended'), doc.extended),
    keyPersons: doc.keyPersons.map((e) => ({ ...mask(blockOf('keyPersons'), e), key: e.key })),
    competitors: doc.competitors.map((e) => ({ ...mask(blockOf('competitors'), e), key: e.key })),
  };
}

/** Whether a field path (`basic.contactPhone`, `keyPersons.k2.name`) holds personal information. */
export function isSensitivePath(path: string): boolean {
  const [blockKey, second, third] = path.split('.');
  const block = ARCHIVE_BLOCKS.find((b) => b.key === blockKey);
  if (!block) return false;
  const fieldKey = block.repeatable ? third : second;
  if (fieldKey === undefined) return block.fields.some((f) => f.sensitive);
  return block.fields.find((f) => f.key === fieldKey)?.sensitive ?? false;
}

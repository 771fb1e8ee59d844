/**
 * R19b: a company's identity name — what remains of its name once the region words, the legal
 * form and the punctuation are gone (字号 + industry words) — and a branch's head office.
 * Pure: the region words come in from the area table (`regionWords`).
 *
 * The existing `normaliseCustomerName` (names.ts) stays for its users (customers/create's
 * same-name warning keeps legal forms); registrations and the duplicate check use this one.
 */

/**
 * R19b legal forms, longest first so that 集团有限公司 wins over 有限公司 and 公司. Stripped once,
 * at the end of the name (after a trailing branch suffix is split off).
 */
export const LEGAL_FORMS = [
  '集团股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  '经营部',
  '工作室',
  '合作社',
  '商行',
  '商店',
  '商号',
  '门市部',
  '厂',
] as const;

/** R19b: a trailing branch suffix makes the name a branch of the head named before it (R16). */
export const BRANCH_SUFFIXES = ['分公司', '支公司', '办事处', '营业部', '分店', '分厂'] as const;

/**
 * Industry words at the end of a 字号 (R19b: "what remains is 字号 + industry words"). Two names
 * that share only these are different companies; a one-character difference is looked for in the
 * 字号 alone. Longest first. A word missing here only makes the 字号 longer, never a false match.
 */
export const INDUSTRY_WORDS = [
  '供应链管理',
  '房地产开发',
  '电子商务',
  '电子科技',
  '网络科技',
  '信息科技',
  '信息技术',
  '生物科技',
  '进出口',
  '供应链',
  '房地产',
  '玩具',
  '实业',
  '物流',
  '电子',
  '科技',
  '技术',
  '贸易',
  '商贸',
  '工贸',
  '塑料',
  '塑胶',
  '制品',
  '工艺品',
  '工艺',
  '礼品',
  '服装',
  '服饰',
  '针织',
  '毛织',
  '织造',
  '纺织',
  '内衣',
  '食品',
  '印刷',
  '包装',
  '机械',
  '设备',
  '化工',
  '电器',
  '五金',
  '建材',
  '建筑',
  '工程',
  '开发',
  '投资',
  '发展',
  '置业',
  '物业',
  '管理',
  '咨询',
  '服务',
  '文化',
  '传媒',
  '广告',
  '信息',
  '网络',
  '软件',
  '医药',
  '药业',
  '医疗',
  '器械',
  '汽车',
  '运输',
  '货运',
  '快递',
  '国际',
  '能源',
  '电力',
  '酒店',
  '餐饮',
  '旅游',
  '教育',
  '农业',
  '水产',
  '茶业',
  '陶瓷',
  '家具',
  '灯饰',
  '制衣',
  '鞋业',
  '材料',
  '新材料',
  '环保',
  '文具',
  '用品',
  '日用',
  '百货',
  '超市',
  '商业',
  '企业',
  '控股',
  '金融',
  '银行',
  '保险',
  '证券',
].sort((a, b) => b.length - a.length);

export interface IdentityName {
  /** 字号 + industry words: two names with the same `key` are the same company (R19b). */
  key: string;
  /** The 字号 alone (the key without its trailing industry words). */
  zihao: string;
  /** The trailing industry words of the key ('' when none). */
  industry: string;
  /** Set for a branch (分公司, 办事处…): the head office's identity key and the branch's place word. */
  branch: { headKey: string; headName: string; place: string } | null;
}

/**
 * Province-level names, added to the area table's as region words (R19b): the table holds the
 * city's own areas, while names are often headed 广东省… / 广东….
 */
export const PROVINCE_NAMES = [
  '北京市',
  '天津市',
  '上海市',
  '重庆市',
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
  '青海省',
  '台湾省',
  '内蒙古自治区',
  '广西壮族自治区',
  '西藏自治区',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
] as const;

/** Region words (R19b) from the area table's names: '澄海区' gives 澄海区 and 澄海; '汕头市（市本级）' gives 汕头市 and 汕头. */
export function regionWordsOf(areaNames: readonly string[]): string[] {
  const words = new Set<string>();
  for (const raw of areaNames) {
    const name = raw
      .normalize('NFKC')
      .replace(/\(.*?\)/g, '')
      .replace(/\s/g, '');
    if (name === '') continue;
    words.add(name);
    const base = name.replace(
      /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治州|自治县|自治区|新区|省|市|区|县|镇|乡)$/u,
      '',
    );
    if (base.length >= 2) words.add(base);
  }
  return [...words].sort((a, b) => b.length - a.length);
}

const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/** NFKC (full-width → half-width), lower case; brackets whose whole content is a region word removed. */
function fold(name: string, regions: readonly string[]): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/\s/g, '');
  // Brackets after NFKC: （） → (), 【】 stay as they are.
  s = s.replace(/[([{【〔［｛《<]([^)\]}】〕］｝》>]*)[)\]}】〕］｝》>]/gu, (_whole, inner: string) => {
    const content = inner.replace(PUNCTUATION, '');
    return regions.includes(content) ? '' : ` ${content} `;
  });
  return s.replace(PUNCTUATION, '');
}

function stripRegionsInFront(s: string, regions: readonly string[]): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of regions) {
      if (out.startsWith(word) && out.length > word.length) {
        out = out.slice(word.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function stripLegalForm(s: string): string {
  for (const form of LEGAL_FORMS) {
    if (s.endsWith(form) && s.length > form.length) return s.slice(0, -form.length);
  }
  return s;
}

/** The 字号 and the trailing industry words of a key. */
export function splitIndustry(key: string): { zihao: string; industry: string } {
  let zihao = key;
  let industry = '';
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of INDUSTRY_WORDS) {
      if (zihao.endsWith(word) && zihao.length > word.length) {
        zihao = zihao.slice(0, -word.length);
        industry = word + industry;
        changed = true;
        break;
      }
    }
  }
  return { zihao, industry };
}

function headKeyOf(folded: string, regions: readonly string[]): string {
  return stripLegalForm(stripRegionsInFront(folded, regions));
}

/**
 * R19b identity of one name. `regions`: `regionWordsOf(area names)`. A name that would be left
 * empty by a strip keeps that part (a company called 汕头有限公司 is 汕头).
 */
export function identityName(name: string, regions: readonly string[]): IdentityName {
  const folded = fold(name, regions);
  const suffix = BRANCH_SUFFIXES.find((b) => folded.endsWith(b) && folded.length > b.length);
  if (suffix) {
    const before = folded.slice(0, -suffix.length);
    // The head is named up to its legal form; what follows is the branch's place word.
    let cut = -1;
    let form = '';
    for (const f of LEGAL_FORMS) {
      const at = before.lastIndexOf(f);
      if (at > 0 && at + f.length > cut + form.length) {
        cut = at;
        form = f;
      }
    }
    let headName: string;
    let place: string;
    if (cut > 0) {
      headName = before.slice(0, cut + form.length);
      place = before.slice(cut + form.length);
    } else {
      // No legal form: a region word at the end is the place (XX澄海营业部).
      const region = regions.find((r) => before.endsWith(r) && before.length > r.length);
      headName = region ? before.slice(0, -region.length) : before;
      place = region ?? '';
    }
    const headKey = headKeyOf(headName, regions);
    const key = `${headKey}>${place}${suffix}`;
    return { key, zihao: headKey, industry: '', branch: { headKey, headName, place } };
  }
  const key = headKeyOf(folded, regions);
  return { key, ...splitIndustry(key), branch: null };
}

/**
 * R19b "a one-character difference in the 字号": the same industry words and 字号 one edit apart
 * (substitution, insertion or deletion), each 字号 at least two characters so that one is shared.
 * `distance` is the maintained library's (fastest-levenshtein), passed in.
 */
export function similarDifference(
  a: Pick<IdentityName, 'zihao' | 'industry' | 'branch'>,
  b: Pick<IdentityName, 'zihao' | 'industry' | 'branch'>,
  distance: (x: string, y: string) => number,
): { ours: string; theirs: string } | null {
  if (a.branch !== null || b.branch !== null) return null;
  if (a.industry !== b.industry) return null;
  if ([...a.zihao].length < 2 || [...b.zihao].length < 2) return null;
  if (a.zihao === b.zihao || distance(a.zihao, b.zihao) !== 1) return null;
  return differingCharacters(a.zihao, b.zihao);
}

/** The characters that differ between two strings one edit apart (common prefix and suffix removed). */
export function differingCharacters(ours: string, theirs: string): { ours: string; theirs: string } {
  const x = [...ours];
  const y = [...theirs];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  return { ours: x.slice(start, endX).join(''), theirs: y.slice(start, endY).join('') };
}

/**
 * node scripts/generate-corpus.ts --n 1000 --seed 1 --out /tmp/corpus
 *
 * Makes N synthetic foreign-affairs reports shaped like the seeds: page-menu noise, headline,
 * lede (sometimes with an outlet tag), subheadings, body paragraphs, photo captions, a byline,
 * then "Tin liên quan" lists and visitor counters. Provinces come from src/knowledge/data/vn-provinces.json,
 * partner localities from src/knowledge/data/localities/*.json (the curated files) (with the country's Vietnamese name from
 * Intl.DisplayNames), numbers are written the Vietnamese way ("1.234 dự án", "5,64 tỷ USD").
 * Deterministic: report i depends only on (seed, i), so a corpus of 1,000 is a prefix of 5,000.
 * Used by scripts/bench.ts; the text is invented and only for measuring the build.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import provincesData from '../src/knowledge/data/vn-provinces.json' with { type: 'json' };

export interface GeneratedReport {
  file: string;
  text: string;
  /** The subject province's name (pre-2025, as in src/knowledge/data/vn-provinces.json). */
  province: string;
  /** Partner localities named in the text, as printed ("Savannakhet"). */
  partners: string[];
}

export interface CorpusOptions {
  n: number;
  seed: number;
  /** When given, each report is written there as UTF-8 `<file>`. */
  outDir?: string;
}

// ---------------------------------------------------------------- random numbers

/** mulberry32: a tiny 32-bit PRNG, good enough for text variety and identical on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: one independent stream per (seed, report index). */
function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  sample: <T>(items: readonly T[], k: number) => T[];
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
    return out;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  return { next, int, pick, chance: (p) => next() < p, sample, weighted };
}

// ---------------------------------------------------------------- Vietnamese number formatting

/** 1234567 → "1.234.567". */
export function formatInt(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 5.64 → "5,64"; 1234.5 → "1.234,5"; trailing zeros dropped ("5,60" → "5,6"). */
export function formatDecimal(x: number, digits: number): string {
  const [whole = '0', frac = ''] = x.toFixed(digits).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return formatInt(Number(whole)) + (trimmed ? `,${trimmed}` : '');
}

// ---------------------------------------------------------------- curated inputs

interface ProvinceInput {
  name: string;
  type: string;
  classifierOnly?: string[];
}

interface Province {
  name: string;
  /** "tỉnh Hưng Yên" / "thành phố Đà Nẵng". */
  full: string;
  /** How the body refers to it after the first mention ("Hưng Yên", "TP. Hồ Chí Minh"). */
  short: string;
  /** Outlet tag in the lede, as provincial papers write it ("Baohungyen.vn"). */
  outlet: string;
}

interface LocalityInput {
  name: string;
  kind: string;
  nameVi?: string;
  aliases?: Record<string, string[]>;
}

interface Partner {
  /** Classifier as the press writes it: "tỉnh", "bang", "thành phố". */
  classifier: string;
  name: string;
  kind: string;
  country: string;
  countryVi: string;
}

const PROVINCES: Province[] = (provincesData.provinces as ProvinceInput[]).map((p) => {
  const city = p.type !== 'tỉnh';
  const bareAllowed = !(p.classifierOnly ?? []).includes(p.name);
  const ascii = p.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return {
    name: p.name,
    full: `${city ? 'thành phố' : 'tỉnh'} ${p.name}`,
    short: bareAllowed ? p.name : `TP. ${p.name}`,
    outlet: `Bao${ascii}.vn`,
  };
});

const CLASSIFIER: Record<string, string> = { province: 'tỉnh', prefecture: 'tỉnh', state: 'bang', city: 'thành phố' };
/** English administrative words that the press drops ("Minsk Region" → "tỉnh Minsk"). */
const ADMIN_WORDS = new Set(['Region', 'Oblast', 'Republic', 'Krai', 'Province', 'Prefecture', 'City', 'State', 'Capital', 'Metropolitan', 'Special', 'Autonomous', 'Okrug', 'Voblast', 'Aimag']);

/** The name a Vietnamese report would print: the press/Vietnamese form, else a clean romanised one. */
function printedName(l: LocalityInput): string | null {
  const candidates = [l.nameVi, ...(l.aliases?.['press'] ?? []), l.name, ...(l.aliases?.['curated'] ?? [])];
  for (const c of candidates) {
    if (!c || /[\d(),.'’]/.test(c) || c.length > 30) continue;
    const words = c.split(/\s+/);
    if (words.every((w) => /^\p{Lu}/u.test(w) && !ADMIN_WORDS.has(w)) && !/^(NSW|[A-Z]{2,})$/.test(c)) return c;
  }
  return null;
}

/** Countries that Vietnamese provinces partner with most often are drawn more often. */
const COUNTRY_WEIGHT: Record<string, number> = { LA: 6, KR: 5, JP: 5, KH: 3, CN: 3, TH: 2 };

function loadPartners(): Map<string, Partner[]> {
  const dir = new URL('../src/knowledge/data/localities/', import.meta.url);
  const countryVi = new Intl.DisplayNames(['vi'], { type: 'region' });
  const byCountry = new Map<string, Partner[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { country: string; localities: LocalityInput[] };
    const vi = countryVi.of(data.country) ?? data.country;
    const partners: Partner[] = [];
    for (const l of data.localities) {
      const classifier = CLASSIFIER[l.kind];
      const name = printedName(l);
      if (classifier && name) partners.push({ classifier, name, kind: l.kind, country: data.country, countryVi: vi });
    }
    if (partners.length) byCountry.set(data.country, partners);
  }
  return byCountry;
}

const PARTNERS = loadPartners();
const COUNTRY_CHOICES: Array<readonly [string, number]> = [...PARTNERS.keys()].map((c) => [c, COUNTRY_WEIGHT[c] ?? 1] as const);

// ---------------------------------------------------------------- word lists

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Đinh', 'Trịnh', 'Lương'];
const MIDDLES = ['Văn', 'Thị', 'Hồng', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Ngọc', 'Xuân', 'Hữu', 'Công', 'Thu', 'Kim', 'Mạnh', 'Anh'];
const GIVEN = ['Hùng', 'Lan', 'Sơn', 'Tuấn', 'Hải', 'Dũng', 'Hương', 'Phúc', 'Quang', 'Thành', 'Trung', 'Vinh', 'Khánh', 'Tâm', 'Hạnh', 'Thắng', 'Cường', 'Duyên', 'Thảo', 'Lĩnh', 'Hiếu', 'Nga', 'Tú', 'Hoa'];
const ROLES = [
  'Chủ tịch UBND tỉnh',
  'Phó Chủ tịch UBND tỉnh',
  'Phó Chủ tịch Thường trực UBND tỉnh',
  'Bí thư Tỉnh ủy',
  'Phó Bí thư Thường trực Tỉnh ủy',
  'Giám đốc Sở Ngoại vụ',
  'Phó Giám đốc Sở Ngoại vụ',
  'Giám đốc Sở Kế hoạch và Đầu tư',
  'Giám đốc Sở Công Thương',
  'Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh',
];
const FIELDS = [
  'nông nghiệp công nghệ cao',
  'giáo dục - đào tạo',
  'y tế',
  'du lịch',
  'thương mại',
  'khoa học - công nghệ',
  'văn hóa - thể thao',
  'đào tạo nguồn nhân lực',
  'logistics',
  'năng lượng tái tạo',
  'chế biến nông sản',
  'công nghiệp hỗ trợ',
  'bảo vệ môi trường',
  'chuyển đổi số',
  'phát triển đô thị thông minh',
  'phòng chống thiên tai',
];
const CORPS: Array<readonly [string, string]> = [
  ['Tập đoàn Samsung', 'KR'],
  ['Tập đoàn LG', 'KR'],
  ['Tập đoàn Hyosung', 'KR'],
  ['Tập đoàn Lotte', 'KR'],
  ['Tập đoàn Toyota', 'JP'],
  ['Tập đoàn Sumitomo', 'JP'],
  ['Tập đoàn Aeon', 'JP'],
  ['Công ty Panasonic', 'JP'],
  ['Tập đoàn Foxconn', 'TW'],
  ['Tập đoàn Amata', 'TH'],
  ['Tập đoàn SCG', 'TH'],
  ['Tập đoàn Bosch', 'DE'],
];
const ORGS = [
  'Tổ chức Hợp tác Quốc tế Nhật Bản (JICA)',
  'Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)',
  'Ngân hàng Phát triển châu Á (ADB)',
  'Ngân hàng Thế giới (WB)',
  'Quỹ Nhi đồng Liên hợp quốc (UNICEF)',
  'tổ chức World Vision',
  'tổ chức Plan International',
  'tổ chức ChildFund',
  'Cơ quan Phát triển Pháp (AFD)',
  'Ngân hàng Tái thiết Đức (KfW)',
];
const SUBHEADINGS = [
  'Đẩy mạnh hoạt động đối ngoại',
  'Mở rộng quan hệ với các địa phương nước ngoài',
  'Đẩy mạnh ngoại giao kinh tế',
  'Thúc đẩy ngoại giao văn hóa, công tác kiều bào',
  'Nâng cao hiệu quả thông tin đối ngoại',
  'Nhiệm vụ trọng tâm thời gian tới',
  'Thu hút đầu tư nước ngoài khởi sắc',
  'Công tác lãnh sự và bảo hộ công dân',
  'Tiếp tục chủ động, linh hoạt trong công tác đối ngoại',
];
const SLOGANS = ['Vượt thách thức, gặt “trái ngọt”', 'Chủ động, linh hoạt, hiệu quả', 'Mở rộng cánh cửa hội nhập', 'Nhiều dấu ấn nổi bật', 'Tạo đà cho phát triển', 'Vững bước hội nhập quốc tế'];
const GENERIC = [
  'Công tác thông tin đối ngoại được thực hiện thông qua các phương tiện truyền thông đại chúng, báo giấy, báo hình, bản tin đối ngoại và các lớp tập huấn.',
  'Các sở, ban, ngành đã chủ động gặp gỡ, tiếp xúc với các đối tác truyền thống và đối tác mới thông qua các hội nghị, hội thảo, hội chợ thương mại quốc tế.',
  'Công tác quản lý đoàn ra, đoàn vào được thực hiện chặt chẽ, đúng quy định, bảo đảm tiết kiệm và hiệu quả.',
  'Tỉnh đã chú trọng công tác lãnh sự và bảo hộ công dân, kịp thời hỗ trợ công dân gặp khó khăn ở nước ngoài.',
  'Hoạt động ngoại giao văn hóa được lồng ghép trong các hoạt động ngoại giao chính trị và ngoại giao kinh tế.',
  'Các doanh nghiệp có vốn đầu tư nước ngoài đã đóng góp đáng kể vào thu ngân sách và giải quyết việc làm cho người lao động địa phương.',
  'Phía bạn đánh giá cao tiềm năng, lợi thế của tỉnh và mong muốn tiếp tục mở rộng hợp tác trong thời gian tới.',
  'Hai bên đã trao đổi kinh nghiệm về phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh và quản lý biên giới.',
  'Công tác phối hợp quản lý nhà nước về hoạt động của các tổ chức phi chính phủ nước ngoài được thực hiện tốt.',
  'Tỉnh tiếp tục cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh.',
  'Bên cạnh những kết quả đạt được, công tác đối ngoại vẫn còn một số hạn chế như kêu gọi đầu tư nước ngoài chưa xứng với tiềm năng.',
  'Các hoạt động giao lưu nhân dân, giao lưu thanh niên được tổ chức với hình thức đa dạng, thiết thực.',
  'Công tác tham mưu, phối hợp giữa các cơ quan làm công tác đối ngoại ngày càng chặt chẽ, nhịp nhàng.',
  'Cộng đồng kiều bào đã có nhiều đóng góp thiết thực cho quê hương, nhất là trong công tác phòng chống dịch Covid-19.',
  'Tỉnh duy trì cơ chế đối thoại thường xuyên giữa lãnh đạo tỉnh với doanh nghiệp, nhà đầu tư nước ngoài.',
  'Việc ứng dụng công nghệ thông tin trong quảng bá hình ảnh địa phương được đẩy mạnh, nhất là trên các nền tảng số.',
  'Quan hệ hợp tác với các địa phương nước ngoài được triển khai thực chất, đi vào chiều sâu.',
  'Nhiều mô hình sản xuất học tập từ kinh nghiệm của nước ngoài đã được các địa phương trong tỉnh vận dụng hiệu quả.',
  'Việc tổ chức đón tiếp các đoàn khách quốc tế được chuẩn bị chu đáo, đúng nghi lễ, để lại ấn tượng tốt đẹp với phía bạn.',
  'Tỉnh thường xuyên nhận được sự hỗ trợ quý báu của Bộ Ngoại giao và các bộ, ngành Trung ương trong triển khai công tác đối ngoại.',
  'Các chương trình xúc tiến đầu tư đều đạt kết quả tốt, thu hút được sự quan tâm của nhiều nhà đầu tư nước ngoài.',
  'Công tác biên giới, lãnh thổ được quan tâm, bảo đảm an ninh trật tự khu vực biên giới và hệ thống mốc quốc giới.',
  'Đội ngũ cán bộ làm công tác đối ngoại được bồi dưỡng nâng cao trình độ ngoại ngữ và nghiệp vụ lễ tân, đối ngoại.',
  'Tỉnh đã tạo điều kiện thuận lợi cho chuyên gia, lao động nước ngoài làm việc tại các khu công nghiệp trên địa bàn.',
  'Các hoạt động hợp tác với các tổ chức phi chính phủ nước ngoài tập trung vào giảm nghèo, y tế cộng đồng và giáo dục.',
  'Tình hình an ninh chính trị, trật tự an toàn xã hội liên quan đến người nước ngoài trên địa bàn tỉnh được giữ vững.',
  'Thông qua các hoạt động đối ngoại, vị thế và uy tín của tỉnh ngày càng được nâng lên trong mắt bạn bè quốc tế.',
  'Tỉnh đã rà soát các thỏa thuận quốc tế đã ký, kịp thời đề xuất điều chỉnh những nội dung không còn phù hợp.',
  'Hoạt động đối ngoại nhân dân được đẩy mạnh, góp phần tăng cường hiểu biết và tình hữu nghị giữa nhân dân tỉnh với nhân dân các nước.',
  'Nhiều doanh nghiệp nước ngoài đã tăng vốn, mở rộng sản xuất, thể hiện niềm tin vào môi trường đầu tư của tỉnh.',
];
const FUTURE = [
  'Thời gian tới, tỉnh sẽ tiếp tục củng cố, thiết lập quan hệ hợp tác nhiều mặt với các địa phương nước ngoài.',
  'Tỉnh sẽ đẩy mạnh hơn nữa công tác ngoại giao kinh tế, nhất là xúc tiến đầu tư, thương mại và du lịch.',
  'Tỉnh tập trung thu hút các dự án có công nghệ cao, thân thiện với môi trường và sử dụng hiệu quả tài nguyên.',
  'Các cơ quan, đơn vị, địa phương cần bám sát nghị quyết, chương trình hành động để thực hiện tốt công tác đối ngoại.',
  'Tỉnh sẽ chú trọng công tác kết nối, mời gọi kiều bào là doanh nhân, trí thức về đầu tư tại quê hương.',
];
const RELATED = [
  'Việt Nam nằm trong nhóm quốc gia phục hồi mạnh mẽ sau dịch bệnh',
  'Tình hình xuất khẩu rau quả sang các thị trường lớn trong những tháng đầu năm',
  'Ngành chế biến, chế tạo tiếp tục thu hút doanh nghiệp nước ngoài',
  'Nhiều công ty châu Âu chọn Việt Nam làm điểm đến đầu tư',
  'Thủ tướng chỉ đạo đẩy mạnh giải ngân vốn đầu tư công',
  'Hội nghị Ngoại vụ toàn quốc lần thứ 21',
  'Khai trương đường bay thẳng mới đến Việt Nam',
  'Tăng cường quản lý lao động đi làm việc ở nước ngoài',
  'Thúc đẩy phát triển, nâng cao hiệu quả kinh tế tập thể',
  'Hiệu quả từ mô hình trồng dưa theo tiêu chuẩn VietGAP',
  'Bền bỉ vượt khó cùng vốn tín dụng ưu đãi',
  'Triển khai kế hoạch thông tin đối ngoại năm mới',
];
const MENUS = [
  'Truy cập nội dung luôn',
  'Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Liên hệ',
  'Trang chủ > Tin tức > Hoạt động đối ngoại',
  'Hoạt động đối ngoại chung Hoạt động đối ngoại chung',
  'Danh sách tin - Danh mục tạm thời không có.',
  'English | Tiếng Việt',
  'Đăng nhập | Đăng ký',
];

// ---------------------------------------------------------------- one report

interface Ctx {
  rng: Rng;
  province: Province;
  partners: Partner[];
  year: number;
}

const personName = (rng: Rng) => `${rng.pick(SURNAMES)} ${rng.pick(MIDDLES)} ${rng.pick(GIVEN)}`;
const partnerPhrase = (p: Partner) => `${p.classifier} ${p.name} (${p.countryVi})`;
const money = (rng: Rng, min: number, max: number, digits: number) => formatDecimal(min + rng.next() * (max - min), digits);

function foreignLeader(rng: Rng, p: Partner): string {
  if (p.kind === 'city') return rng.pick(['Thị trưởng', 'Phó Thị trưởng']);
  if (p.country === 'LA' || p.country === 'KH') return rng.pick(['Tỉnh trưởng', 'Phó Tỉnh trưởng', 'Phó Bí thư Tỉnh ủy']);
  return rng.pick(['Thống đốc', 'Phó Thống đốc', 'Chủ tịch Hội đồng']);
}

function choosePartners(rng: Rng): Partner[] {
  const chosen: Partner[] = [];
  const count = rng.weighted([[1, 3], [2, 4], [3, 3], [4, 1]] as const);
  for (let tries = 0; chosen.length < count && tries < 20; tries++) {
    const list = PARTNERS.get(rng.weighted(COUNTRY_CHOICES)) ?? [];
    const p = list.length ? rng.pick(list) : undefined;
    if (p && !chosen.some((c) => c.name === p.name)) chosen.push(p);
  }
  return chosen;
}

/** Sentences that carry numbers the fact boxes show. */
const FACT_TEMPLATES: Array<(c: Ctx) => string> = [
  ({ rng }) =>
    `Lũy kế đến nay, toàn tỉnh có ${formatInt(rng.int(40, 1200))} dự án FDI còn hiệu lực với tổng vốn đầu tư đăng ký ${money(rng, 0.4, 30, 2)} tỷ USD, đến từ ${rng.int(8, 42)} quốc gia và vùng lãnh thổ.`,
  ({ rng, year }) =>
    `Năm ${year}, kim ngạch xuất khẩu của tỉnh đạt ${formatInt(rng.int(120, 4800))} triệu USD, tăng ${money(rng, 1, 38, 1)}% so với năm trước; kim ngạch nhập khẩu đạt ${formatInt(rng.int(90, 3900))} triệu USD.`,
  ({ rng, year }) =>
    `Trong năm ${year}, tỉnh đã tổ chức ${rng.int(3, 45)} đoàn với ${rng.int(30, 400)} lượt cán bộ đi công tác nước ngoài; đón tiếp ${rng.int(5, 90)} đoàn với ${rng.int(50, 900)} lượt khách quốc tế đến thăm và làm việc tại tỉnh.`,
  ({ rng, year }) =>
    `Từ năm ${year - rng.int(3, 6)} đến nay, tỉnh đã ký kết ${rng.int(3, 36)} thỏa thuận hợp tác quốc tế với các địa phương, tổ chức và doanh nghiệp nước ngoài.`,
  ({ rng }) =>
    `Hiện có ${rng.int(5, 85)} tổ chức phi chính phủ nước ngoài đang hoạt động trên địa bàn tỉnh, với tổng giá trị viện trợ giải ngân khoảng ${money(rng, 1, 60, 1)} triệu USD.`,
  ({ rng, province, year }) =>
    `Theo thống kê, có khoảng ${formatInt(rng.int(12, 950) * 100)} người ${province.short} đang sinh sống, học tập và làm việc ở nước ngoài; lượng kiều hối gửi về tỉnh năm ${year} đạt gần ${rng.int(20, 900)} triệu USD.`,
  ({ rng, year }) =>
    `Giai đoạn ${year - 5} - ${year}, tỉnh thu hút được ${rng.int(6, 60)} dự án sử dụng vốn ODA và vốn vay ưu đãi của ${rng.int(4, 20)} nhà tài trợ, với tổng mức đầu tư ${money(rng, 900, 24000, 3)} tỷ đồng.`,
  ({ rng }) =>
    `Các cơ quan, đơn vị trong tỉnh đã tổ chức ${rng.int(2, 25)} hội nghị, hội thảo quốc tế và tham gia ${rng.int(3, 30)} hội chợ, triển lãm ở nước ngoài.`,
  ({ rng }) =>
    `Liên hiệp các tổ chức hữu nghị tỉnh hiện có ${rng.int(3, 12)} tổ chức thành viên với ${formatInt(rng.int(150, 3200))} hội viên.`,
  ({ rng, partners }) => {
    const p = partners[0] as Partner;
    return `Tỉnh đã tiếp nhận ${rng.int(20, 400)} lưu học sinh của ${p.classifier} ${p.name} sang học tập tại các trường trên địa bàn và cấp ${rng.int(10, 120)} suất học bổng cho sinh viên ${p.countryVi}.`;
  },
  ({ rng, year }) => `Tốc độ tăng trưởng GRDP năm ${year} đạt ${money(rng, 3, 13, 2)}%, đứng thứ ${rng.int(2, 40)} cả nước.`,
  ({ rng }) =>
    `Hiện nay, có hơn ${formatInt(rng.int(8, 300) * 100)} lao động của tỉnh đang làm việc theo hợp đồng tại Nhật Bản, Hàn Quốc, Đài Loan (Trung Quốc) và một số thị trường khác.`,
  ({ rng }) =>
    `Tại các cửa khẩu trên địa bàn, lực lượng chức năng đã làm thủ tục xuất, nhập cảnh cho ${formatInt(rng.int(100, 3500) * 1000 + rng.int(0, 999))} lượt người và ${formatInt(rng.int(20, 600) * 1000 + rng.int(0, 999))} lượt phương tiện.`,
  ({ rng }) =>
    `Tổng vốn đăng ký của các dự án đầu tư mới đạt ${formatInt(rng.int(1000, 48000))} tỷ đồng, tăng ${money(rng, 2, 60, 1)}% so với cùng kỳ.`,
  ({ rng }) => {
    const [corp, code] = rng.pick(CORPS);
    const vi = new Intl.DisplayNames(['vi'], { type: 'region' }).of(code) ?? code;
    return `${corp} (${vi}) đã khởi công nhà máy tại khu công nghiệp của tỉnh với tổng vốn đầu tư ${formatInt(rng.int(20, 900))} triệu USD, dự kiến tạo việc làm cho hơn ${formatInt(rng.int(5, 80) * 100)} lao động.`;
  },
];

/** Prose with slots, so that pages differ beyond their numbers and names. */
const PROSE_TEMPLATES: Array<(c: Ctx) => string> = [
  ({ rng, province }) =>
    `Lĩnh vực ${province.short} khuyến khích đầu tư là ${rng.sample(FIELDS, 3).join(', ')}, phát triển cơ sở hạ tầng và dịch vụ du lịch.`,
  ({ rng, year }) =>
    `Năm ${year}, tỉnh đã phối hợp với các cơ quan đại diện ngoại giao tổ chức chương trình giao lưu ${rng.pick(['văn hóa, nghệ thuật', 'ẩm thực', 'thanh niên', 'hữu nghị nhân dân'])}, thu hút đông đảo người dân tham dự.`,
  ({ rng }) =>
    `Tỉnh đã tổ chức các đoàn xúc tiến đầu tư tại ${rng.sample(['Nhật Bản', 'Hàn Quốc', 'Singapore', 'Đức', 'Hoa Kỳ', 'Úc', 'Thái Lan', 'Pháp'], 3).join(', ')}, giới thiệu tiềm năng và chính sách ưu đãi của tỉnh.`,
  ({ rng, province }) =>
    `Hình ảnh, con người ${province.short} được giới thiệu tới bạn bè quốc tế qua ấn phẩm, chuyên san và trang thông tin điện tử bằng ${rng.pick(['tiếng Anh', 'tiếng Anh và tiếng Nhật', 'tiếng Anh, tiếng Hàn', 'nhiều thứ tiếng'])}.`,
  ({ rng }) =>
    `Các hoạt động hợp tác trong lĩnh vực ${rng.pick(FIELDS)} và ${rng.pick(FIELDS)} tiếp tục được triển khai, mang lại lợi ích thiết thực cho người dân.`,
  ({ rng, province }) =>
    `Nằm ở ${rng.pick(['vùng kinh tế trọng điểm', 'khu vực biên giới', 'vùng đồng bằng', 'vùng duyên hải', 'vùng trung du và miền núi'])}, ${province.full} có nhiều lợi thế để mở rộng hợp tác quốc tế.`,
  ({ rng }) =>
    `Tỉnh đã hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử quốc tế, đưa ${rng.pick(['nông sản', 'trái cây', 'thủy sản', 'sản phẩm OCOP', 'hàng thủ công mỹ nghệ'])} của địa phương sang các thị trường khó tính.`,
  ({ rng, year }) =>
    `Trong năm ${year}, công tác ${rng.pick(['tổ chức hội nghị, hội thảo quốc tế', 'quản lý người nước ngoài', 'cấp thẻ đi lại doanh nhân APEC', 'thẩm định nội dung đoàn ra'])} được thực hiện đúng quy định.`,
];

/** Sentences that name partner localities in the ways the press does. */
function partnerSentences(c: Ctx): string[] {
  const { rng, province, partners } = c;
  const [first, ...rest] = partners as [Partner, ...Partner[]];
  const fields = () => rng.sample(FIELDS, 3).join(', ').replace(/, ([^,]+)$/, ' và $1');
  const out = [
    rng.pick([
      `Tỉnh ${province.short} đã ký biên bản ghi nhớ hợp tác với ${partnerPhrase(first)} trong các lĩnh vực ${fields()}.`,
      `Quan hệ hợp tác hữu nghị giữa ${province.full} và ${partnerPhrase(first)} ngày càng phát triển, nhất là trong lĩnh vực ${rng.pick(FIELDS)}.`,
      `Lãnh đạo tỉnh đã tiếp và làm việc với đoàn công tác ${partnerPhrase(first)} do ${foreignLeader(rng, first)} dẫn đầu, trao đổi về cơ hội hợp tác trong lĩnh vực ${rng.pick(FIELDS)}.`,
    ]),
  ];
  for (const p of rest) {
    out.push(
      rng.pick([
        `Tỉnh tiếp tục duy trì, đẩy mạnh hợp tác với ${partnerPhrase(p)}, tạo điều kiện thuận lợi để doanh nghiệp hai bên qua lại, hợp tác đầu tư, kinh doanh.`,
        `Đoàn công tác của tỉnh đã thăm và làm việc tại ${partnerPhrase(p)}, thống nhất triển khai kế hoạch hợp tác về ${fields()}.`,
        `Năm ${c.year}, hai bên đã ký kết thỏa thuận thiết lập quan hệ hữu nghị giữa ${province.full} và ${partnerPhrase(p)}.`,
        `Tỉnh đã đón tiếp đoàn đại biểu ${partnerPhrase(p)} do ${foreignLeader(rng, p)} làm trưởng đoàn đến thăm và làm việc.`,
      ]),
    );
  }
  return out;
}

function personSentence(c: Ctx): string {
  const { rng, province } = c;
  return rng.pick([
    `Phát biểu tại hội nghị, ${rng.pick(ROLES)} ${personName(rng)} đề nghị các sở, ngành tiếp tục đẩy mạnh thu hút nguồn vốn ODA, vận động tài trợ và tạo điều kiện thuận lợi cho nhà đầu tư nước ngoài.`,
    `Theo ${rng.pick(ROLES)} ${personName(rng)}, công tác đối ngoại của ${province.full} đã góp phần quan trọng vào phát triển kinh tế - xã hội của địa phương.`,
    `${rng.pick(ROLES)} ${personName(rng)} cho biết, tỉnh luôn xác định hội nhập quốc tế là nhiệm vụ trọng tâm, xuyên suốt.`,
  ]);
}

function orgSentence(c: Ctx): string {
  const { rng } = c;
  return rng.pick([
    `Tỉnh tiếp tục thực hiện các dự án do ${rng.pick(ORGS)} tài trợ trong lĩnh vực ${rng.pick(FIELDS)}.`,
    `Tỉnh đã làm việc với ${rng.pick(ORGS)} về chương trình hỗ trợ ${rng.pick(FIELDS)} cho các huyện miền núi.`,
  ]);
}

function dateSentence(c: Ctx): string {
  const { rng, province, year } = c;
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  return rng.pick([
    `${rng.pick(['Sáng', 'Chiều'])} ${day}/${month}, UBND ${province.full} tổ chức hội nghị tổng kết công tác đối ngoại năm ${year} và triển khai nhiệm vụ năm ${year + 1}.`,
    `Ngày ${day}/${month}/${year}, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số ${rng.int(5, 40)}-NQ/TU về đẩy mạnh công tác đối ngoại và hội nhập quốc tế của tỉnh.`,
  ]);
}

function headline(c: Ctx): string {
  const { rng, province, partners, year } = c;
  const p = partners[0] as Partner;
  return rng.pick([
    `Công tác đối ngoại ${province.full}: ${rng.pick(SLOGANS)}`,
    `${province.short} đẩy mạnh hợp tác quốc tế với các địa phương nước ngoài`,
    `${province.short} tổng kết công tác đối ngoại năm ${year}`,
    `${province.short}: Nâng cao hiệu quả hoạt động đối ngoại giai đoạn ${year - 4} - ${year}`,
    `Tăng cường hợp tác giữa ${province.short} và ${p.classifier} ${p.name} (${p.countryVi})`,
    `Dấu ấn đối ngoại ${province.short} năm ${year}`,
  ]);
}

function lede(c: Ctx): string {
  const { rng, province, year } = c;
  const tag = rng.chance(0.4) ? `(${province.outlet}) - ` : '';
  return (
    tag +
    rng.pick([
      `Năm ${year}, trong bối cảnh còn nhiều khó khăn, công tác đối ngoại của ${province.full} tiếp tục được triển khai toàn diện, góp phần thu hút đầu tư và quảng bá hình ảnh địa phương.`,
      `Thực hiện chủ trương, đường lối đối ngoại của Đảng và Nhà nước, thời gian qua ${province.full} đã triển khai nhiều hoạt động đối ngoại thiết thực, hiệu quả.`,
      `Kể từ đầu nhiệm kỳ đến nay, công tác ngoại vụ của ${province.short} thu được nhiều kết quả quan trọng, đóng góp vào sự phát triển kinh tế - xã hội của tỉnh.`,
    ])
  );
}

function caption(c: Ctx): string {
  const { rng, province, partners } = c;
  const p = rng.pick(partners);
  const credit = rng.chance(0.5) ? ` (Ảnh: ${personName(rng)})` : '';
  return (
    rng.pick([
      `Lãnh đạo ${province.full} tiếp đoàn công tác ${partnerPhrase(p)}`,
      `Quang cảnh hội nghị tổng kết công tác đối ngoại.`,
      `Ký kết biên bản ghi nhớ hợp tác giữa hai tỉnh.`,
      `Các đại biểu chụp ảnh lưu niệm.`,
    ]) + credit
  );
}

function noiseTop(rng: Rng): string[] {
  return rng.chance(0.6) ? rng.sample(MENUS, rng.int(1, 3)) : [];
}

function noiseBottom(rng: Rng, year: number): string[] {
  const lines: string[] = [];
  if (rng.chance(0.7)) {
    lines.push(rng.pick(['Tin liên quan', 'Các tin khác', 'Tin cùng chuyên mục']));
    const date = `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${year + 1}`;
    for (const t of rng.sample(RELATED, rng.int(4, 9))) lines.push(rng.chance(0.6) ? `${t}    ${date}` : t);
  }
  if (rng.chance(0.5)) lines.push('Chia sẻ Facebook Twitter Email In bài');
  if (rng.chance(0.6)) {
    lines.push('Thống kê truy cập', `  Đang truy cập : ${rng.int(3, 300)}`, `  Hôm nay: ${rng.int(1, 5000)}`, `  Tổng lượt truy cập: ${rng.int(10_000, 9_000_000)}`);
  } else if (rng.chance(0.5)) {
    lines.push(`${rng.int(3, 300)} người đang online`);
  }
  if (rng.chance(0.3)) lines.push('LIÊN KẾT WEBSITE', 'Đánh giá của bạn về cổng thông tin điện tử', 'Gửi đánh giá Xem kết quả');
  return lines;
}

function paragraph(sentences: string[]): string {
  return sentences.join(' ');
}

/** One synthetic report; depends only on (seed, index). */
export function generateReport(seed: number, index: number): GeneratedReport {
  const rng = makeRng(hash32(`${seed}:${index}`));
  const c: Ctx = { rng, province: rng.pick(PROVINCES), partners: choosePartners(rng), year: rng.int(2015, 2024) };

  // Body sentences: facts, partners, people, organisations, dates, then generic prose to fill.
  const facts = rng.sample(FACT_TEMPLATES, rng.int(5, 9)).map((t) => t(c));
  const prose = rng.sample(PROSE_TEMPLATES, rng.int(4, 8)).map((t) => t(c));
  const [opening, ...generic] = rng.sample(GENERIC, rng.int(12, 20));
  const pool = [...partnerSentences(c), ...facts, ...prose, personSentence(c), orgSentence(c), ...generic];
  const lead = [dateSentence(c), opening as string];
  // Shuffle the pool so facts and partners land in different paragraphs from report to report.
  const shuffled = rng.sample(pool, pool.length);

  const body: string[] = [paragraph(lead)];
  const headings = rng.sample(SUBHEADINGS, rng.int(1, 3));
  while (shuffled.length) {
    if (headings.length && rng.chance(0.25)) body.push(headings.shift() as string);
    if (rng.chance(0.15)) body.push(caption(c));
    body.push(paragraph(shuffled.splice(0, rng.int(2, 4))));
  }
  body.push(paragraph(rng.sample(FUTURE, rng.int(2, 4))));

  const byline = rng.pick([personName(rng), `${personName(rng)} - ${personName(rng)}`, `${personName(rng)}\n\n${rng.pick(ROLES)} ${c.province.short}`]);
  const blocks = [...noiseTop(rng), headline(c), lede(c), ...(rng.chance(0.4) ? [caption(c)] : []), ...body, byline, ...noiseBottom(rng, c.year)];
  // Half the pages separate paragraphs with a blank line, the rest with one newline (as seed 004).
  const sep = rng.chance(0.5) ? '\n\n' : '\n';
  const text = blocks.map((b) => (rng.chance(0.1) ? `${b}   ` : b)).join(sep) + '\n';
  const file = `g${seed}_${String(index).padStart(5, '0')}.txt`;
  return { file, text, province: c.province.name, partners: c.partners.map((p) => p.name) };
}

/** N reports for a seed; writes them to outDir when given. */
export function generateCorpus(options: CorpusOptions): GeneratedReport[] {
  const reports = Array.from({ length: options.n }, (_, i) => generateReport(options.seed, i));
  if (options.outDir) {
    mkdirSync(options.outDir, { recursive: true });
    for (const r of reports) writeFileSync(join(options.outDir, r.file), r.text, 'utf8');
  }
  return reports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: 'corpus' } },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(seed)) {
    console.error('usage: node scripts/generate-corpus.ts --n 1000 --seed 1 --out DIR');
    process.exit(2);
  }
  const outDir = resolve(values.out);
  const reports = generateCorpus({ n, seed, outDir });
  const bytes = reports.reduce((s, r) => s + Buffer.byteLength(r.text), 0);
  console.log(`generated ${reports.length} reports (${(bytes / 1024 / 1024).toFixed(1)} MiB) into ${outDir}`);
}

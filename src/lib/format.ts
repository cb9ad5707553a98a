/** Vietnamese display of numbers and fact units. */

const UNIT_VI: Record<string, string> = {
  VND: 'đồng',
  USD: 'USD',
  EUR: 'EUR',
  JPY: 'yên',
  percent: '%',
  fraction: '',
  turn: 'lượt',
  person: 'người',
  project: 'dự án',
  delegation: 'đoàn',
  agreement: 'thỏa thuận',
  conference: 'hội nghị',
  organization: 'tổ chức',
  country: 'quốc gia, vùng lãnh thổ',
  enterprise: 'doanh nghiệp',
  member: 'hội viên',
  province: 'tỉnh',
  school: 'trường',
  donor: 'nhà tài trợ',
  event: 'sự kiện',
  performance: 'tiết mục',
  permit: 'giấy phép',
  pass: 'thẻ',
  'issue/year': 'kỳ/năm',
  hectare: 'ha',
  tonne: 'tấn',
  km: 'km',
  km2: 'km²',
  count: '',
};

export function unitVi(unit: string): string {
  return UNIT_VI[unit] ?? unit;
}

/** One formatter per precision: constructing an Intl.NumberFormat costs more than formatting with it. */
const formatters = new Map<number, Intl.NumberFormat>();
const number = (digits: number): Intl.NumberFormat => {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits })));
  return f;
};

/** 5640000000 USD → "5,64 tỷ USD"; 14.21 percent → "14,21%"; 2035 project → "2.035 dự án". */
export function formatValue(value: number, unit: string): string {
  if (unit === 'percent') return `${number(2).format(value)}%`;
  if (unit === 'fraction') return number(3).format(value);
  const money = ['VND', 'USD', 'EUR', 'JPY'].includes(unit);
  let scaled = number(2).format(value);
  if (money && Math.abs(value) >= 1e9) scaled = `${number(2).format(value / 1e9)} tỷ`;
  else if (money && Math.abs(value) >= 1e6) scaled = `${number(2).format(value / 1e6)} triệu`;
  const label = unitVi(unit);
  return label ? `${scaled} ${label}` : scaled;
}

/** "2017-01-06" → "6/1/2017"; "2018-07" → "tháng 7/2018"; "--08-24" (no year) → "24/8". */
export function formatDate(iso: string): string {
  const yearless = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (yearless) return `${Number(yearless[2])}/${Number(yearless[1])}`;
  const [y, m, d] = iso.split('-');
  if (d) return `${Number(d)}/${Number(m)}/${y}`;
  if (m) return `tháng ${Number(m)}/${y}`;
  return iso;
}

const KIND_VI: Record<string, string> = {
  province: 'tỉnh',
  prefecture: 'tỉnh (Nhật Bản)',
  state: 'bang',
  city: 'thành phố',
  district: 'quận/huyện',
  region: 'vùng',
};

export function kindVi(kind: string): string {
  return KIND_VI[kind] ?? kind;
}

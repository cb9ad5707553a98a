import { describe, expect, it } from 'vitest';
import { extractOrganizations, findOrganizations } from './organizations.ts';
import { makeContext } from './context.ts';
import { fold } from '../../lib/text.ts';
import { goldBlocks, goldFiles, loadGold } from '../../../tests/support/gold.ts';

const found = (s: string) => findOrganizations(s).map((o) => [o.asWritten, o.country]);

describe('findOrganizations on invented report sentences (other provinces, other partners)', () => {
  it.each<[string, Array<[string, string | null]>]>([
    // Head word + country in brackets, after a dash, after a comma, inside the name.
    ['Tỉnh Bắc Ninh đã ký thỏa thuận hợp tác với Tập đoàn Hyosung (Hàn Quốc) về năng lượng sạch.', [['Tập đoàn Hyosung', 'KR']]],
    ['Trường Đại học Cần Thơ ký kết hợp tác với Trường Đại học Kyushu (Nhật Bản).', [['Trường Đại học Kyushu', 'JP']]],
    ['Sở Y tế làm việc với Bệnh viện Chiang Mai Ram - Thái Lan về hợp tác đào tạo.', [['Bệnh viện Chiang Mai Ram', 'TH']]],
    ['Đoàn đã thăm Công ty Nagase, Nhật Bản và tìm hiểu dây chuyền sản xuất.', [['Công ty Nagase', 'JP']]],
    ['Tỉnh tiếp Đại sứ quán Nhật Bản tại Việt Nam và Tổng Lãnh sự quán Hoa Kỳ tại TP. Hồ Chí Minh.', [['Đại sứ quán Nhật Bản', 'JP'], ['Tổng Lãnh sự quán Hoa Kỳ', 'US']]],
    ['Bộ Nông nghiệp và Lâm nghiệp Lào đã cử đoàn chuyên gia sang làm việc.', [['Bộ Nông nghiệp và Lâm nghiệp Lào', 'LA']]],
    // Descriptive Vietnamese names that end with the country; acronym joins the full name.
    ['Đại diện Cơ quan xúc tiến thương mại và đầu tư Hàn Quốc (KOTRA) giới thiệu nhu cầu nhập khẩu.', [['Cơ quan xúc tiến thương mại và đầu tư Hàn Quốc', 'KR']]],
    ['Dự án được Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) tài trợ tại Quảng Trị.', [['Cơ quan Hợp tác Quốc tế Nhật Bản', 'JP']]],
    // Curated Latin names and acronyms, Vietnamese names of international bodies.
    ['Các tổ chức Save the Children, Oxfam và Plan International đang hoạt động tại Điện Biên.', [['Save the Children', 'GB'], ['Oxfam', 'GB'], ['Plan International', 'GB']]],
    ['Ngân hàng Thế giới và Ngân hàng Phát triển châu Á (ADB) tài trợ dự án cấp nước.', [['Ngân hàng Thế giới', null], ['Ngân hàng Phát triển châu Á', null]]],
    ['Tỉnh tiếp nhận vắc xin từ Quỹ Nhi đồng Liên hợp quốc và Tổ chức Y tế Thế giới (WHO).', [['Quỹ Nhi đồng Liên hợp quốc', null], ['Tổ chức Y tế Thế giới', null]]],
    ['Khu công nghiệp thu hút các nhà đầu tư lớn như Samsung, Canon, Foxconn.', [['Samsung', 'KR'], ['Canon', 'JP'], ['Foxconn', 'TW']]],
    // Subsidiaries registered in Vietnam carry the parent's country.
    ['Lãnh đạo tỉnh thăm Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên.', [['Công ty TNHH Samsung Electronics Việt Nam', 'KR']]],
    ['Tổng giám đốc Công ty TNHH Honda Việt Nam báo cáo kết quả sản xuất.', [['Công ty TNHH Honda Việt Nam', 'JP']]],
    ['Công ty TNHH Điện tử Foster Việt Nam (100% vốn Nhật Bản) tuyển 500 lao động.', [['Công ty TNHH Điện tử Foster Việt Nam', 'JP']]],
    ['Đại diện Tập đoàn AEON Nhật Bản và Đại sứ quán Australia dự hội nghị.', [['Tập đoàn AEON Nhật Bản', 'JP'], ['Đại sứ quán Australia', 'AU']]],
    ['UBND tỉnh Quảng Trị và tổ chức KOICA đã ký kết dự án hỗ trợ phát triển nông thôn.', [['KOICA', 'KR']]],
    ['Tỉnh vận động viện trợ từ Tổ chức Cứu trợ trẻ em (SC) và Quỹ Châu Á (TAF).', [['Tổ chức Cứu trợ trẻ em', 'GB'], ['Quỹ Châu Á', 'US']]],
  ])('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    // Vietnamese bodies, even with a country in the name.
    'Hội hữu nghị Việt Nam - Nhật Bản tỉnh Nghệ An tổ chức gặp mặt nhân dịp Tết.',
    'Đại sứ quán Việt Nam tại Hàn Quốc phối hợp tổ chức sự kiện quảng bá du lịch.',
    'Trường Đại học Vinh và Trường Cao đẳng Kỹ thuật Việt - Đức đã ký kết hợp tác.',
    'Sở Ngoại vụ phối hợp với Cục Lãnh sự (Bộ Ngoại giao) và Ủy ban về người Việt Nam ở nước ngoài.',
    'Công ty Cổ phần Đầu tư Sài Gòn đã khởi công nhà máy mới tại huyện Đức Hòa.',
    'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh đã giải ngân vốn vay.',
    // Events and generic phrases after a head word.
    'Tổ chức Hội nghị Xúc tiến đầu tư Nhật Bản tại Hà Nội năm 2019.',
    'Tỉnh làm việc với Đại sứ quán các nước và các tập đoàn, công ty lớn của Hàn Quốc.',
    'Bộ trưởng Bộ Ngoại giao đã tiếp đoàn.',
    // A Japanese surname that is also a brand, inside a person's name.
    'Ông Takeshi Honda cho biết công ty sẽ mở rộng đầu tư.',
    'Tỉnh cử 30 lao động sang Nhật Bản thông qua Công ty Cổ phần Nhân lực Quốc tế.',
    'Đến nay đã có 5 doanh nghiệp Đài Loan (Trung Quốc) đầu tư vào Khu công nghiệp Phú Hà.',
  ])('nothing foreign: %s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it('names a Latin-script company after the head word pattern in English', () => {
    const [o] = findOrganizations('Tỉnh trao giấy chứng nhận đầu tư cho Công ty TNHH TOTO Việt Nam.');
    expect(o?.name).toBe('TOTO Vietnam Co., Ltd.');
    expect(o?.country).toBe('JP');
    const [u] = findOrganizations('Tỉnh hợp tác với Trường Đại học Griffith - Úc.');
    expect(u?.name).toBe('Griffith University');
    const [a] = findOrganizations('Tập đoàn AEON Nhật Bản khai trương trung tâm thương mại.');
    expect(a?.name).toBe('Aeon');
    const [c] = findOrganizations('Công ty TNHH Canon Việt Nam tuyển lao động.');
    expect(c?.name).toBe('Canon Vietnam Co., Ltd.');
  });
});

/** A produced organisation matches a gold one by as_written containment either way or by canonical name. */
function matches(o: { asWritten: string; name: string }, g: { as_written: string; canonical: string }): boolean {
  const a = fold(o.asWritten);
  const b = fold(g.as_written);
  return a.includes(b) || b.includes(a) || fold(o.name) === fold(g.canonical);
}

describe('extractOrganizations against the gold seeds', () => {
  it('reaches precision ≥ 0.8 and recall ≥ 0.8 on non-doubt items', () => {
    let produced = 0;
    let correct = 0;
    let required = 0;
    let recalled = 0;
    let optional = 0;
    let optionalFound = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const f of goldFiles()) {
      const gold = loadGold(f);
      const orgs = extractOrganizations(makeContext(gold.file, goldBlocks(gold)));
      produced += orgs.length;
      for (const o of orgs) {
        if (gold.organizations.some((g) => matches(o, g))) correct++;
        else wrong.push(`${f}: ${o.asWritten}`);
      }
      for (const g of gold.organizations) {
        const hit = orgs.some((o) => matches(o, g));
        if (g.doubt) {
          optional++;
          if (hit) optionalFound++;
        } else {
          required++;
          if (hit) recalled++;
          else misses.push(`${f}: ${g.as_written}`);
        }
      }
    }
    const precision = produced ? correct / produced : 1;
    const recall = required ? recalled / required : 1;
    console.log(
      `organizations: precision ${precision.toFixed(3)} (${correct}/${produced}), recall ${recall.toFixed(3)} (${recalled}/${required} non-doubt), doubt items found ${optionalFound}/${optional}`,
    );
    if (wrong.length) console.log('  not in gold:', wrong.join('; '));
    if (misses.length) console.log('  missed:', misses.join('; '));
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the country the gold gives, and valid unique slugs', () => {
    for (const f of goldFiles()) {
      const gold = loadGold(f);
      const orgs = extractOrganizations(makeContext(gold.file, goldBlocks(gold)));
      const slugs = orgs.map((o) => o.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const o of orgs) {
        expect(o.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(o.sentences.length).toBeGreaterThan(0);
        const g = gold.organizations.find((x) => matches(o, x));
        if (g) expect(o.country, `${f}: ${o.asWritten}`).toBe(g.country);
      }
    }
  });

  it('finds the seed organisations under their canonical names', () => {
    const gold = loadGold('002_f5dcdb45ae549341.json');
    const orgs = extractOrganizations(makeContext(gold.file, goldBlocks(gold)));
    const kfw = orgs.find((o) => o.asWritten === 'Ngân hàng Tái thiết Đức');
    expect(kfw).toMatchObject({ name: 'KfW', country: 'DE' });
    const jetro = extractOrganizations(makeContext('003', goldBlocks(loadGold('003_8466d6ebfbad8cfd.json')))).find(
      (o) => o.country === 'JP',
    );
    expect(jetro?.name).toBe('Japan External Trade Organization (JETRO)');
    expect(jetro?.asWritten).toBe('Cơ quan xúc tiến thương mại Nhật Bản');
  });
});

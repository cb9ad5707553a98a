import { describe, expect, it } from 'vitest';
import { extractPeople, findPeople, looksLikePersonName } from './people.ts';
import { makeContext } from './context.ts';
import { fold } from '../../lib/text.ts';
import type { Block } from '../../schemas/ingest.ts';
import { goldBlocks, goldFiles, loadGold } from '../../../tests/support/gold.ts';

const people = (s: string) => findPeople(s).map((p) => [p.name, p.role]);

describe('findPeople on invented report sentences (other provinces, other partners)', () => {
  it.each<[string, Array<[string, string | null]>]>([
    // Title, body, then the name.
    ['Sáng 15/3, Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy tiếp Đại sứ Nhật Bản tại Việt Nam Yamada Takio.', [
      ['Cao Tường Huy', 'Chủ tịch UBND tỉnh Quảng Ninh'],
      ['Yamada Takio', 'Đại sứ Nhật Bản tại Việt Nam'],
    ]],
    ['Phó Chủ tịch UBND tỉnh Lâm Đồng Đặng Trí Dũng phát biểu tại buổi làm việc.', [['Đặng Trí Dũng', 'Phó Chủ tịch UBND tỉnh Lâm Đồng']]],
    ['Phó Bí thư Thường trực Tỉnh ủy Thái Nguyên Nguyễn Thanh Hải tiếp đoàn.', [['Nguyễn Thanh Hải', 'Phó Bí thư Thường trực Tỉnh ủy Thái Nguyên']]],
    ['Cục trưởng Cục Lãnh sự Nguyễn Minh Vũ chủ trì buổi tập huấn.', [['Nguyễn Minh Vũ', 'Cục trưởng Cục Lãnh sự']]],
    ['Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Mãi tiếp Tổng Lãnh sự Hoa Kỳ.', [['Phan Văn Mãi', 'Chủ tịch UBND TP. Hồ Chí Minh']]],
    ['Tỉnh trưởng tỉnh Champasak Vilayvong Bouddakham thăm và làm việc tại Đắk Lắk.', [['Vilayvong Bouddakham', 'Tỉnh trưởng tỉnh Champasak']]],
    ['Bộ trưởng Bộ Ngoại giao Lào Saleumxay Kommasith hội đàm với Bộ trưởng Bùi Thanh Sơn.', [
      ['Saleumxay Kommasith', 'Bộ trưởng Bộ Ngoại giao Lào'],
      ['Bùi Thanh Sơn', 'Bộ trưởng'],
    ]],
    // Form of address, name, then the title.
    ['Đoàn công tác do ông Lee Sang Ho, Phó Thị trưởng thành phố Busan làm trưởng đoàn.', [['Lee Sang Ho', 'Phó Thị trưởng thành phố Busan']]],
    ['Ông Nguyễn Văn Sơn, Giám đốc Sở Ngoại vụ tỉnh Nghệ An cho biết, năm 2022 tỉnh đón 15 đoàn.', [['Nguyễn Văn Sơn', 'Giám đốc Sở Ngoại vụ tỉnh Nghệ An']]],
    ['Bà Trần Thị Hoa – Trưởng phòng Hợp tác quốc tế, Sở Ngoại vụ trình bày báo cáo.', [['Trần Thị Hoa', 'Trưởng phòng Hợp tác quốc tế']]],
    ['Đồng chí Lò Văn Mừng, Phó Bí thư Tỉnh ủy Sơn La dự và phát biểu.', [['Lò Văn Mừng', 'Phó Bí thư Tỉnh ủy Sơn La']]],
    ['Đồng chí Võ Văn Hưng – Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh chủ trì.', [['Võ Văn Hưng', 'Ủy viên Ban Thường vụ Tỉnh ủy']]],
    ['Chiều 12/5, đồng chí Nguyễn Văn Thi, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh tiếp Ngài Marc Knapper, Đại sứ Hoa Kỳ tại Việt Nam.', [
      ['Nguyễn Văn Thi', 'Phó Bí thư Tỉnh ủy'],
      ['Marc Knapper', 'Đại sứ Hoa Kỳ tại Việt Nam'],
    ]],
    ['Tỉnh đón đoàn Đại sứ Hàn Quốc Park Noh-wan và Tổng Lãnh sự Nhật Bản tại Hà Nội.', [['Park Noh-wan', 'Đại sứ Hàn Quốc']]],
    ['Nguyên Thủ tướng Nhật Bản Suga Yoshihide thăm tỉnh Quảng Ninh.', [['Suga Yoshihide', 'Nguyên Thủ tướng Nhật Bản']]],
    ['Giám đốc Sở Ngoại vụ Hà Tĩnh Lê Văn Thành báo cáo.', [['Lê Văn Thành', 'Giám đốc Sở Ngoại vụ Hà Tĩnh']]],
    // Name, separator, title, without a form of address.
    ['Huỳnh Văn Tí, Phó Chủ tịch UBND tỉnh Bình Dương đã tiếp đoàn doanh nghiệp Hàn Quốc.', [['Huỳnh Văn Tí', 'Phó Chủ tịch UBND tỉnh Bình Dương']]],
    // Photo credits.
    ['Lãnh đạo tỉnh tiếp đoàn tỉnh Gyeonggi (Ảnh: Thu Hằng)', [['Thu Hằng', null]]],
  ])('%s', (sentence, expected) => {
    expect(people(sentence)).toEqual(expected);
  });

  it.each([
    // Places after a title are not people.
    'Chủ tịch UBND tỉnh Lâm Đồng phát biểu khai mạc hội nghị.',
    'Chủ tịch UBND huyện Mai Châu phát biểu khai mạc hội nghị.',
    'Tỉnh ủy Bà Rịa - Vũng Tàu đã đón tiếp đoàn.',
    // Unnamed office holders.
    'Tiếp Đại sứ Mỹ, Tỉnh trưởng tỉnh Savannakhet (Lào) và đoàn Phó Thủ tướng Belarus.',
    'Thủ tướng Chính phủ yêu cầu các địa phương đẩy mạnh thu hút đầu tư.',
    // "bà con" is people in general; credits without a name.
    'Bà con kiều bào đã quyên góp ủng hộ tỉnh (Ảnh: TL).',
  ])('nobody: %s', (sentence) => {
    expect(findPeople(sentence)).toEqual([]);
  });

  it('keeps "Chủ tịch Hồ Chí Minh" a person but the city after "TP."', () => {
    expect(people('Học tập và làm theo tấm gương Chủ tịch Hồ Chí Minh.')).toEqual([['Hồ Chí Minh', 'Chủ tịch']]);
    expect(people('Chủ tịch UBND TP. Hồ Chí Minh phát biểu.')).toEqual([]);
  });
});

describe('looksLikePersonName', () => {
  it.each(['Trần Quốc Văn', 'Kim Duyên', 'Bình Giang', 'Minh Thư', 'Nguyễn Thị Thu Hằng', 'Thu Hằng'])('%s is a name', (s) => {
    expect(looksLikePersonName(s)).toBe(true);
  });
  it.each([
    'Hòa Bình', 'Tiền Giang', 'Thăng Long', 'Việt Nam', 'Hàn Quốc', 'Tin liên quan', 'Tin Liên Quan', 'World Vision',
    'Nguyễn Văn 2', 'Chủ tịch UBND tỉnh Hưng Yên', 'Đọc thêm', 'Lâm Đồng', 'Trần', 'Nguyễn Thị Thu Hằng Nga Anh',
  ])('%s is not', (s) => {
    expect(looksLikePersonName(s)).toBe(false);
  });
});

describe('extractPeople', () => {
  const block = (line: number, text: string, kind: Block['kind'] = 'body'): Block => ({ line, text, offset: 0, kind });

  it('reads a closing byline with its title line, once per person', () => {
    const ctx = makeContext('x', [
      block(1, 'Công tác đối ngoại tỉnh Bắc Giang năm 2022', 'headline'),
      block(3, 'Giám đốc Sở Ngoại vụ Lê Ô Pích báo cáo. Giám đốc Sở Ngoại vụ Lê Ô Pích nhấn mạnh kết quả.'),
      block(5, 'Tỉnh đã đón 20 đoàn khách quốc tế.'),
      block(7, 'Nguyễn Văn Gầu'),
      block(8, 'Bí thư Tỉnh ủy Bắc Giang-'),
    ]);
    expect(extractPeople(ctx)).toEqual([
      { name: 'Lê Ô Pích', role: 'Giám đốc Sở Ngoại vụ', line: 3 },
      { name: 'Nguyễn Văn Gầu', role: 'Bí thư Tỉnh ủy Bắc Giang', line: 7 },
    ]);
  });
});

describe('extractPeople against the gold seeds', () => {
  it('reaches precision ≥ 0.9 and recall ≥ 0.85', () => {
    let produced = 0;
    let correct = 0;
    let required = 0;
    let recalled = 0;
    const wrong: string[] = [];
    const misses: string[] = [];
    for (const f of goldFiles()) {
      const gold = loadGold(f);
      const found = extractPeople(makeContext(gold.file, goldBlocks(gold)));
      produced += found.length;
      for (const p of found) {
        if (gold.people.some((g) => fold(g.name) === fold(p.name))) correct++;
        else wrong.push(`${f}: ${p.name}`);
      }
      for (const g of gold.people) {
        // Bylines belong to the ingest stage; photo credits and titled people are ours.
        const credit = g.role_as_written === null && /photo/i.test(g.role);
        if (g.doubt || (g.role_as_written === null && !credit)) continue;
        required++;
        if (found.some((p) => fold(p.name) === fold(g.name))) recalled++;
        else misses.push(`${f}: ${g.name}`);
      }
    }
    const precision = produced ? correct / produced : 1;
    const recall = required ? recalled / required : 1;
    console.log(`people: precision ${precision.toFixed(3)} (${correct}/${produced}), recall ${recall.toFixed(3)} (${recalled}/${required})`);
    if (wrong.length) console.log('  not in gold:', wrong.join('; '));
    if (misses.length) console.log('  missed:', misses.join('; '));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('gives the gold title phrase as written', () => {
    let checked = 0;
    for (const f of goldFiles()) {
      const gold = loadGold(f);
      const found = extractPeople(makeContext(gold.file, goldBlocks(gold)));
      for (const g of gold.people) {
        if (g.doubt || g.role_as_written === null) continue;
        const p = found.find((x) => fold(x.name) === fold(g.name));
        expect(p?.role, `${f}: ${g.name}`).toBe(g.role_as_written);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

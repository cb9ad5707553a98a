import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldFiles, loadGold, ROOT, SEEDS_DIR, type Gold } from '../../../tests/support/gold.ts';
import { ingest } from './index.ts';
import { segment as segmentText } from './segment.ts';

const seeds = goldFiles().map((g) => {
  const gold = loadGold(g);
  return { gold, report: ingest(gold.file, readFileSync(join(SEEDS_DIR, gold.file))) };
});

describe.each(seeds)('ingest $gold.file', ({ gold, report }) => {
  it('keeps exactly the hand-counted article lines', () => {
    const article = report.blocks.filter((b) => b.kind !== 'noise').map((b) => b.line);
    expect(article).toEqual(gold.article_line_numbers);
    expect(article).toHaveLength(gold.article_paragraphs);
  });

  it('removes exactly the noise lines, each with a reason', () => {
    const noise = report.blocks.filter((b) => b.kind === 'noise');
    expect(noise.map((b) => b.line)).toEqual(gold.noise_line_numbers);
    for (const b of noise) expect(b.reason).toBeTruthy();
  });

  it('finds the printed headline (or none)', () => {
    const headline = report.blocks.find((b) => b.kind === 'headline');
    expect(headline?.text ?? null).toBe(gold.title);
  });

  it('finds the byline where one is printed', () => {
    const byline = report.blocks.find((b) => b.kind === 'byline');
    expect(byline?.text ?? null).toBe(gold.author);
  });

  it('gives each block its offset in the file', () => {
    const text = [...report.text];
    for (const b of report.blocks) expect(text.slice(b.offset, b.offset + [...b.text].length).join('')).toBe(b.text);
  });
});

/** Reports written independently of this code (tests/fixtures/unseen/README.md), same gold format. */
const UNSEEN = join(ROOT, 'tests', 'fixtures', 'unseen');
describe.each(readdirSync(join(UNSEEN, 'gold')).filter((f) => f.endsWith('.json')))('ingest of unseen %s', (name) => {
  const gold = JSON.parse(readFileSync(join(UNSEEN, 'gold', name), 'utf8')) as Gold;
  const report = ingest(gold.file, readFileSync(join(UNSEEN, 'reports', gold.file)));
  it('keeps the article lines and removes the noise lines', () => {
    expect(report.blocks.filter((b) => b.kind !== 'noise').map((b) => b.line)).toEqual(gold.article_line_numbers);
    expect(report.blocks.filter((b) => b.kind === 'noise').map((b) => b.line)).toEqual(gold.noise_line_numbers);
  });
  it('finds the headline', () => {
    expect(report.blocks.find((b) => b.kind === 'headline')?.text ?? null).toBe(gold.title);
  });
});

describe('noise named in the issue is removed', () => {
  const all = seeds.flatMap((s) => s.report.blocks);
  it.each([
    'Truy cập nội dung luôn',
    'Hoạt động đối ngoại chung Hoạt động đối ngoại chung',
    'Tin liên quan',
    'Các tin khác',
    'LIÊN KẾT WEBSITE',
    'Gửi đánh giá Xem kết quả',
    '49 người đang online',
    'Tổng lượt truy cập:\u00a0786362',
    'Chủ đề Hoạt động của lãnh đạo tỉnh',
    'Đọc thêm',
    'Tin mới Emagazine Truyền hình Podcast',
  ])('%s', (line) => {
    const hits = all.filter((b) => b.text === line);
    expect(hits.length).toBeGreaterThan(0);
    for (const b of hits) expect(b.kind).toBe('noise');
  });
});

/** Segments an invented dump given as lines (blank lines as in the dumps the search index stores). */
function layout(...lines: string[]) {
  const { blocks, published } = segmentText(lines.join('\n\n'));
  return {
    published,
    headline: blocks.find((b) => b.kind === 'headline')?.text ?? null,
    noise: blocks.filter((b) => b.kind === 'noise').map((b) => [b.text, b.reason]),
    article: blocks.filter((b) => b.kind !== 'noise').map((b) => b.text),
  };
}

const LEDE =
  'Ngày 12/5, Đoàn đại biểu tỉnh Savannakhet (Lào) do Phó Tỉnh trưởng dẫn đầu đã đến thăm và làm việc tại tỉnh, hai bên trao đổi về kết quả hợp tác năm 2023.';

describe('headlines and chrome in the layouts of real dumps (invented text)', () => {
  it('breadcrumb, headline, then a timestamp: the headline is kept, the timestamp removed', () => {
    const got = layout('Trang chủ Hữu nghị', 'Hai tỉnh Quảng Trị – Savannakhet tăng cường hợp tác', '15:04 15/05/2023', LEDE);
    expect(got.headline).toBe('Hai tỉnh Quảng Trị – Savannakhet tăng cường hợp tác');
    expect(got.noise).toEqual([
      ['Trang chủ Hữu nghị', 'breadcrumb'],
      ['15:04 15/05/2023', 'timestamp'],
    ]);
  });

  it('a portal breadcrumb and a timestamp with the hour after the date', () => {
    const got = layout('Chi tiết tin - tin tức sự kiện - Sở Ngoại Vụ', 'Tỉnh tiếp Đoàn đại biểu tỉnh Savannakhet', '16-11-2017 17:59', LEDE);
    expect(got.headline).toBe('Tỉnh tiếp Đoàn đại biểu tỉnh Savannakhet');
    expect(got.noise.map(([, reason]) => reason)).toEqual(['breadcrumb', 'timestamp']);
  });

  it('junk, GMT timestamps, hotlines, image placeholders and file names are removed with their reason', () => {
    const got = layout('aa', '09:34 | 22/08/2016 GMT+7', LEDE, '![]() Lãnh đạo tỉnh Quảng Bình tiếp đoàn tỉnh Khăm Muộn |', 'anh-hoi-dam-1.jpg', 'Đường dây nóng: 0912 345 678');
    expect(got.headline).toBeNull();
    expect(got.noise.map(([, reason]) => reason)).toEqual(['junk', 'timestamp', 'image-placeholder', 'image-file', 'footer']);
    expect(got.article).toEqual([LEDE]);
  });

  it('a photo caption over the lede is no headline', () => {
    expect(layout('Quang cảnh buổi làm việc giữa hai đoàn', LEDE).headline).toBeNull();
    expect(layout('Ông Nguyễn Văn A (bên phải) tặng quà lưu niệm Phó Tỉnh trưởng', LEDE).headline).toBeNull();
  });

  it('teasers of other stories before the headline do not win over it', () => {
    const got = layout('Thái Bình tham dự Hội nghị xúc tiến đầu tư tại Nhật Bản', 'Đoàn đại biểu tỉnh Savannakhet thăm và làm việc tại tỉnh', LEDE);
    expect(got.headline).toBe('Đoàn đại biểu tỉnh Savannakhet thăm và làm việc tại tỉnh');
  });

  it('crawl marker, section name, headline and dateline run into one line: the headline becomes its own block', () => {
    const got = layout(`date 2025-08-19 Chính trị Đoàn đại biểu tỉnh Savannakhet thăm tỉnh Quảng Trị QTO - ${LEDE}`);
    expect(got.published).toBe('2025-08-19');
    expect(got.headline).toBe('Đoàn đại biểu tỉnh Savannakhet thăm tỉnh Quảng Trị');
    expect(got.article).toEqual(['Đoàn đại biểu tỉnh Savannakhet thăm tỉnh Quảng Trị', `QTO - ${LEDE}`]);
  });

  it('a crawl marker before the lede is set apart; the line stays in the article', () => {
    const got = layout(`date 2025-12-04 ${LEDE}`);
    expect(got).toMatchObject({ published: '2025-12-04', headline: null, article: [LEDE], noise: [] });
  });

  it('a site name, a phrase printed three times and a menu before the article are chrome', () => {
    const got = layout('Báo Sơn La điện tử - Tin tức cập nhật trong ngày', 'Yên Bái Yên Bái Yên Bái', 'Thời sự   Chính trị   Kinh tế   Xã hội', LEDE);
    expect(got.noise.map(([, reason]) => reason)).toEqual(['masthead', 'repeated-heading', 'site-menu']);
  });

  it('image alt text that repeats the headline with a number is removed; a caption saying the same with a period stays', () => {
    const title = 'Hội đàm giữa đoàn đại biểu cấp cao hai tỉnh Sơn La và Luông Pha Bang';
    const got = layout(title, LEDE, `${title} ảnh 1`, `${title}.`, LEDE.replace('12/5', '13/5'));
    expect(got.noise).toEqual([[`${title} ảnh 1`, 'headline-repeat']]);
    expect(got.article).toContain(`${title}.`);
  });
});

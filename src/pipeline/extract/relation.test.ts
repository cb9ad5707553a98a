import { describe, expect, it } from 'vitest';
import type { Block } from '../../schemas/ingest.ts';
import { provinceRef } from '../../knowledge/provinces.ts';
import { makeContext } from './context.ts';
import { extractPartners } from './partners.ts';

/** Relation of every locality of invented report lines, for a subject province. */
function relations(subject: string, ...lines: string[]): Record<string, string> {
  const blocks = lines.map((text, i): Block => ({ line: i + 1, text, offset: i * 1000, kind: i === 0 ? 'headline' : 'body' }));
  const partners = extractPartners(makeContext('t.txt', blocks), provinceRef(subject));
  return Object.fromEntries(partners.map((p) => [p.slug, p.relation]));
}

describe('partner or mention, on invented report lines', () => {
  it('a counterpart in cooperation, visits, agreements or aid is a partner', () => {
    expect(
      relations(
        'quang-tri',
        'Quảng Trị và Savannakhet tăng cường hợp tác',
        'Đoàn đại biểu tỉnh Salavan (Lào) sang thăm và làm việc tại tỉnh.',
        'Tỉnh trao tặng tỉnh Champasak (Lào) 500 triệu đồng hỗ trợ khắc phục lũ lụt.',
      ),
    ).toEqual({ 'la-savannakhet': 'partner', 'la-salavan': 'partner', 'la-champasak': 'partner' });
  });

  it('the venue of a many-party event abroad is only mentioned', () => {
    expect(
      relations(
        'tay-ninh',
        'Tây Ninh tham dự hội nghị hợp tác phát triển tam giác Campuchia - Lào - Việt Nam',
        'Hội nghị lần thứ 12 được tổ chức tại thành phố Phnom Penh với sự tham dự của tỉnh Svay Rieng (Campuchia).',
        'Bên lề hội nghị, lãnh đạo tỉnh hội đàm với lãnh đạo tỉnh Svay Rieng về hợp tác biên giới.',
      ),
    ).toMatchObject({ 'kh-phnom-penh': 'mentioned', 'kh-svay-rieng': 'partner' });
  });

  it('the region written after a partner city or county is only mentioned', () => {
    expect(
      relations(
        'lang-son',
        'Lạng Sơn tăng cường hợp tác với thành phố Nam Ninh, tỉnh Quảng Tây (Trung Quốc)',
        'Hai bên ký thỏa thuận hợp tác giữa tỉnh Lạng Sơn và thành phố Bách Sắc (Quảng Tây) về thương mại.',
      ),
    ).toEqual({ 'cn-nanning': 'partner', 'cn-guangxi': 'mentioned', 'cn-baise': 'partner' });
  });

  it('background geography is only mentioned: a capital, a distance', () => {
    expect(
      relations(
        'ninh-binh',
        'Ninh Bình và tỉnh Jeollabuk (Hàn Quốc) ký kết thỏa thuận hợp tác',
        'Tỉnh Jeollabuk có thủ phủ là thành phố Jeonju (Hàn Quốc), cách sân bay quốc tế Incheon, Seoul (Hàn Quốc) khoảng 300 km.',
      ),
    ).toMatchObject({ 'kr-jeollabuk-do': 'partner', 'kr-seoul': 'mentioned' });
  });

  it('a place inside the name of a fair, a border gate or an economic zone is only mentioned', () => {
    expect(
      relations(
        'lao-cai',
        'Lào Cai và tỉnh Vân Nam (Trung Quốc) thúc đẩy hợp tác kinh tế cửa khẩu',
        'Doanh nghiệp của tỉnh tham gia Hội chợ Côn Minh (Trung Quốc) lần thứ 8.',
      ),
    ).toEqual({ 'cn-yunnan': 'partner', 'cn-kunming': 'mentioned' });
  });

  it('the seat of a diplomatic post is only mentioned', () => {
    expect(
      relations(
        'lang-son',
        'Lạng Sơn tiếp đoàn đại biểu tỉnh Quảng Tây (Trung Quốc)',
        'Dự buổi tiếp có Tổng Lãnh sự Việt Nam tại Nam Ninh (Trung Quốc).',
      ),
    ).toEqual({ 'cn-guangxi': 'partner', 'cn-nanning': 'mentioned' });
  });

  it("another province's counterpart, in a sentence that does not name the subject, is only mentioned", () => {
    expect(
      relations(
        'da-nang',
        'Đà Nẵng mở rộng hợp tác với thành phố Daegu (Hàn Quốc)',
        'Lãnh đạo tỉnh Quảng Bình tiếp đoàn tỉnh Khammouane (Lào).',
      ),
    ).toEqual({ 'kr-daegu': 'partner', 'la-khammouane': 'mentioned' });
  });

  it('a group phrase is no locality; the members it lists are', () => {
    expect(
      relations(
        'dien-bien',
        'Điện Biên hợp tác với các tỉnh Bắc Lào',
        'Tỉnh hỗ trợ ba tỉnh Bắc Lào gồm tỉnh Luang Namtha, Luang Prabang và Oudomxay.',
      ),
    ).toEqual({ 'la-luang-namtha': 'partner', 'la-luang-prabang': 'partner', 'la-oudomxay': 'partner' });
  });

  it('keeps the deciding sentence and marks a call no sentence makes clearly as weak', () => {
    const blocks: Block[] = [
      { line: 1, text: 'Tỉnh tổng kết công tác năm 2024.', offset: 0, kind: 'body' },
      { line: 2, text: 'Tỉnh Attapư có diện tích lớn.', offset: 40, kind: 'body' },
    ];
    const [attapeu] = extractPartners(makeContext('t.txt', blocks), provinceRef('kon-tum'));
    expect(attapeu?.relation).toBe('partner');
    expect(attapeu?.evidence).toMatchObject({ line: 2, weak: true });
  });
});

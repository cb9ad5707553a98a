import { describe, expect, it } from 'vitest';
import type { Block } from '../../schemas/ingest.ts';
import { provinceRef } from '../../knowledge/provinces.ts';
import { makeContext } from './context.ts';
import { extractEvents } from './events.ts';
import { extractFacts } from './facts.ts';
import { extractPartners } from './partners.ts';
import { extractPeople } from './people.ts';

/** "kind partner year" of the events of invented report lines (the first is the headline). */
function events(subject: string, published: string | null, ...lines: string[]): string[] {
  const blocks = lines.map((text, i): Block => ({ line: i + 1, text, offset: i * 1000, kind: i === 0 ? 'headline' : 'body' }));
  const ctx = makeContext('t.txt', blocks);
  const province = provinceRef(subject);
  const partners = extractPartners(ctx, province);
  const found = extractEvents(ctx, { province, partners, people: extractPeople(ctx), facts: extractFacts(ctx), published });
  return found.map((e) => `${e.kind} ${e.partner.type === 'locality' ? e.partner.slug : e.partner.country} ${e.date.year ?? e.date.period?.join('-') ?? '-'}`);
}

describe('relation events on invented report lines', () => {
  it('a visit in: the partner’s delegation comes, or the province receives it', () => {
    expect(
      events('quang-tri', null, 'Tỉnh Quảng Trị tiếp Đoàn đại biểu tỉnh Savannakhet (Lào)', 'Năm 2023, Đoàn đại biểu tỉnh Salavan (Lào) đã sang thăm và làm việc tại tỉnh Quảng Trị.'),
    ).toEqual(['visit-in la-savannakhet -', 'visit-in la-salavan 2023']);
  });

  it('a visit out: the province’s delegation goes, or the talks are held at the partner', () => {
    expect(
      events(
        'ha-giang',
        null,
        'Chủ tịch HĐND tỉnh thăm, làm việc tại Châu Văn Sơn, tỉnh Vân Nam (Trung Quốc)',
        'Từ năm 2019 đến năm 2021, tỉnh Hà Giang cử 2 đoàn công tác sang thăm tỉnh Vân Nam (Trung Quốc); tỉnh Vân Nam cũng cử 1 đoàn công tác sang thăm, làm việc tại tỉnh Hà Giang.',
      ),
    ).toEqual(['visit-out cn-wenshan -', 'visit-out cn-yunnan 2019-2021', 'visit-in cn-yunnan 2019-2021']);
  });

  it('talks at the province’s seat are a visit in, told again in a later sentence once', () => {
    expect(
      events(
        'ninh-binh',
        '2025-11-01',
        'Ninh Bình và thành phố Asan (Hàn Quốc) hội đàm, ký kết thỏa thuận hợp tác',
        'Ngày 31/10, tại trụ sở UBND tỉnh Ninh Bình, lãnh đạo hai địa phương đã hội đàm và ký kết thỏa thuận hợp tác giữa tỉnh Ninh Bình và thành phố Asan (Hàn Quốc).',
      ),
    ).toEqual(['agreement kr-asan 2025', 'visit-in kr-asan 2025']);
  });

  it('aid given and received, by who gives', () => {
    expect(
      events(
        'yen-bai',
        null,
        'Yên Bái và tỉnh Val-de-Marne (Pháp) hợp tác',
        'Năm 2020, tỉnh Val-de-Marne (Pháp) đã dành cho tỉnh Yên Bái nhiều hỗ trợ trong lĩnh vực y tế.',
        'Năm 2021, tỉnh Yên Bái trao tặng tỉnh Hủa Phăn (Lào) 500 triệu đồng.',
      ),
    ).toEqual(['aid-received fr-val-de-marne 2020', 'aid-given la-houaphanh 2021']);
  });

  it('an anniversary, a plan and the term of an agreement are not what happened', () => {
    expect(
      events(
        'son-la',
        null,
        'Sơn La tiếp Đoàn đại biểu tỉnh Luông Pha Bang (Lào)',
        'Đoàn đại biểu tỉnh Luông Pha Bang thăm tỉnh Sơn La nhân dịp kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao, 45 năm Ngày ký kết Hiệp ước Hữu nghị.',
        'Hai bên sẽ hỗ trợ, tạo điều kiện tổ chức hội chợ thương mại tại tỉnh Luông Pha Bang.',
        'Hai tỉnh Sơn La và Luông Pha Bang ký kết Kế hoạch hợp tác giai đoạn 2025 - 2030.',
      ),
    ).toEqual(['visit-in la-luang-prabang -', 'agreement la-luang-prabang -']);
  });

  it('a country is the partner only where the province acts, never a national pair', () => {
    expect(
      events(
        'ha-tinh',
        null,
        'Hà Tĩnh tổng kết công tác đối ngoại',
        'Năm 2022, tỉnh đã tổ chức đoàn xúc tiến đầu tư tại Nhật Bản.',
        'Quan hệ đối tác chiến lược toàn diện Việt Nam - Hàn Quốc phát triển mạnh.',
      ),
    ).toEqual(['visit-out JP 2022']);
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { badByte, decode, DecodeError, MAX_REPORT_BYTES } from './decode.ts';
import { isVietnameseSyllable, vietnameseScore } from './vietnamese-score.ts';

/** Invented report sentences from other provinces and partners (not the seeds). */
const SENTENCES = [
  'Ngày 21/8/2024, Ủy ban nhân dân tỉnh Quảng Trị tiếp Tổng Lãnh sự Lào tại Đà Nẵng, trao đổi về hợp tác phát triển hành lang kinh tế Đông - Tây và khu kinh tế thương mại đặc biệt Lao Bảo.',
  'Sở Ngoại vụ tỉnh Điện Biên phối hợp với tỉnh Phông Sa Lỳ tổ chức phân giới, cắm mốc, quản lý đường biên giới; hai bên thống nhất đẩy mạnh trao đổi đoàn các cấp trong năm tới.',
  'Thành phố Hải Phòng và thành phố Kitakyushu (Nhật Bản) ký kết thỏa thuận hợp tác về xử lý nước thải, quản lý rác thải đô thị và ứng phó biến đổi khí hậu giai đoạn 2024 - 2027.',
  'Đoàn công tác của tỉnh Trà Vinh do Phó Bí thư Tỉnh ủy dẫn đầu đã thăm và làm việc với chính quyền bang Victoria (Úc), tìm hiểu mô hình đào tạo nghề và liên kết tiêu thụ nông sản.',
];

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Windows-1258 as Word saves it: precomposed where the code page has the letter, else base + combining tone. */
function cp1258(text: string): Buffer {
  return Buffer.concat(
    [...text.normalize('NFC')].map((ch) => {
      const direct = iconv.encode(ch, 'windows-1258');
      if (iconv.decode(direct, 'windows-1258') === ch) return direct;
      const nfd = [...ch.normalize('NFD')];
      return iconv.encode(nfd.filter((c) => !TONES.has(c)).join('').normalize('NFC') + nfd.filter((c) => TONES.has(c)).join(''), 'windows-1258');
    }),
  );
}

const ENCODERS: Record<string, (s: string) => Buffer> = {
  'windows-1258': cp1258,
  tcvn: (s) => iconv.encode(s, 'tcvn'),
  viscii: (s) => iconv.encode(s, 'viscii'),
};

describe.each(Object.keys(ENCODERS))('%s', (encoding) => {
  it.each(SENTENCES)('decodes "%s" back exactly, as this code page and no other', (sentence) => {
    const bytes = ENCODERS[encoding]?.(sentence) ?? Buffer.alloc(0);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.normalize('NFC')).toBe(sentence);
    expect(decoded.notes[0]).toContain(`converted from ${encoding}`);
  });

  it('is not read as either of the other two code pages: their decodings score well under the 90% a code page needs', () => {
    const bytes = ENCODERS[encoding]?.(SENTENCES.join('\n')) ?? Buffer.alloc(0);
    for (const other of Object.keys(ENCODERS).filter((e) => e !== encoding)) {
      expect(vietnameseScore(iconv.decode(bytes, other))).toBeLessThan(0.8);
    }
  });
});

describe('decode refuses what it cannot read, with the reason', () => {
  const refuse = (bytes: Uint8Array) => {
    try {
      decode(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      return (error as Error).message;
    }
    throw new Error('decoded');
  };

  it('UTF-8 broken in the middle: names the first bad byte and its offset', () => {
    const good = Buffer.from(SENTENCES[0] ?? '', 'utf8');
    const message = refuse(Buffer.concat([good.subarray(0, 10), Buffer.from([0xff]), good.subarray(10)]));
    expect(message).toContain('not valid UTF-8 (first bad byte 0xFF at offset 10)');
    expect(message).toContain('save the file as UTF-8');
  });

  it('too few non-ASCII words to tell the code page: refused, not guessed', () => {
    expect(refuse(Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0x6f, 0x69]))).toContain('no Vietnamese legacy encoding fits');
  });

  it('binary data, and files over the size limit', () => {
    expect(refuse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4]))).toBe('binary data, not a text report');
    expect(refuse(new Uint8Array(MAX_REPORT_BYTES + 1))).toMatch(/^too large \(5\.0 MB\); a report is at most 5\.0 MB$/);
  });

  it('a UTF-16 BOM on bytes that are not UTF-16', () => {
    expect(refuse(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toContain('not valid UTF-16LE');
  });
});

describe('VNI-Windows', () => {
  it.each([
    // Typed in VNI (bytes as Latin-1), and the Vietnamese they stand for (hand-checked against the VNI table).
    ['Tænh Haäu Giang ñaåy maïnh hôïp taùc vôùi tænh Kandal veà noâng nghieäp', 'Tỉnh Hậu Giang đẩy mạnh hợp tác với tỉnh Kandal về nông nghiệp'],
    ['ÑOAØN ÑAÏI BIEÅU TÆNH LAØO CAI thaêm Vaân Nam', 'ĐOÀN ĐẠI BIỂU TỈNH LÀO CAI thăm Vân Nam'],
    ['ñaëc bieät, ngöôøi Vieät ôû nöôùc ngoaøi, aên möøng, thuùc ñaåy, söï kieän, khuyeán khích, Myõ, Ñöùc', 'đặc biệt, người Việt ở nước ngoài, ăn mừng, thúc đẩy, sự kiện, khuyến khích, Mỹ, Đức'],
  ])('%s', (vni, expected) => {
    const decoded = decode(Buffer.from(vni, 'latin1'));
    expect(decoded.text).toBe(expected);
    expect(decoded.encoding).toBe('vni');
    expect(decoded.notes[0]).toMatch(/^converted from vni/);
  });
});

describe('decode converts readable input and says so', () => {
  const sentence = SENTENCES[1] ?? '';
  it.each([
    ['UTF-8', Buffer.from(sentence), 'utf-8', []],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence)]), 'utf-8', ['UTF-8 byte-order mark removed']],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]), 'utf-16le', ['converted from UTF-16LE (byte-order mark)']],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sentence, 'utf16le').swap16()]), 'utf-16be', ['converted from UTF-16BE (byte-order mark)']],
    ['UTF-16LE without BOM', Buffer.from(sentence, 'utf16le'), 'utf-16le', ['converted from UTF-16LE (no byte-order mark; recognised from its zero bytes)']],
    ['UTF-16BE without BOM', Buffer.from(sentence, 'utf16le').swap16(), 'utf-16be', ['converted from UTF-16BE (no byte-order mark; recognised from its zero bytes)']],
  ] as const)('%s', (_, bytes, encoding, notes) => {
    const decoded = decode(bytes);
    expect(decoded).toEqual({ text: sentence, encoding, notes });
  });

  it('badByte reports a truncated last character', () => {
    expect(badByte(Buffer.from([0x61, 0xe1, 0xbb]), 0)).toBe('first bad byte 0xE1 at offset 1');
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['người', 'Nguyễn', 'khuya', 'quốc', 'giường', 'rượu', 'thuở', 'gì', 'Đắk', 'HỢP', 'Ủy', 'xoong', 'quyết', 'ngoại', 'Hòa', 'Hoà', 'ý'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['Hßa', 'B×nh', 'Vieät', 'ñaåy', 'tænh', 'Ti¸u', 'ViÖt', 'Müller', 'hoạtđộng', 'ắb', 'nguờời', 'q̀a'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

import { vniTable as table } from '../../knowledge/rules.ts';

/*
 * VNI-Windows → Unicode (table and source: src/knowledge/data/vni.json). A vowel followed by a mark byte
 * takes the marks; "â" after e or o and "ê" after a are the hat and the breve. Bytes that are not
 * VNI marks stay as Latin-1, so a file that is not VNI scores badly and is not chosen.
 */
const lowerAndUpper = (map: Record<string, string>) =>
  new Map(Object.entries(map).flatMap(([k, v]) => [[k, v], [k.toUpperCase(), v.toUpperCase()]] as const));
const TONE = lowerAndUpper(table.tone);
const HAT = lowerAndUpper(table.circumflex);
const BREVE = lowerAndUpper(table.breve);
const SINGLE = lowerAndUpper(table.single);
const HAT_MARK = '\u0302';
const BREVE_MARK = '\u0306';

export function decodeVni(bytes: Uint8Array): string {
  const s = Buffer.from(bytes).toString('latin1');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const next = s[i + 1] ?? '';
    const base = ch.toLowerCase();
    const single = SINGLE.get(ch);
    if (single !== undefined) {
      // ơ and ư take a following tone byte; the others carry their tone already.
      const tone = (base === 'ô' || base === 'ö') && TONE.get(next);
      out += tone ? single + tone : single;
      if (tone) i++;
      continue;
    }
    if ('aeouy'.includes(base) && next) {
      const hat = base !== 'u' && base !== 'y' ? HAT.get(next) : undefined;
      const breve = base === 'a' ? BREVE.get(next) : undefined;
      if (breve !== undefined) {
        out += ch + BREVE_MARK + breve;
        i++;
        continue;
      }
      if (hat !== undefined) {
        out += ch + HAT_MARK + hat;
        i++;
        continue;
      }
      const tone = TONE.get(next);
      if (tone !== undefined) {
        out += ch + tone;
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out.normalize('NFC');
}

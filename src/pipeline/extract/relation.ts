/**
 * Partner or mention: what each foreign locality of a report is to the report's subject province.
 *
 * Each mention of a locality in a sentence gets one call, from the place it holds in the sentence:
 * - mentioned, when the sentence only places it: the parent region written after a locality
 *   ("thành phố Nam Ninh, tỉnh Quảng Tây"), the seat of a diplomatic post ("Tổng Lãnh sự Việt Nam
 *   tại Nam Ninh"), a name that holds it ("Hội chợ Côn Minh", "cửa khẩu Tây Giang - Kà Lừm"), the
 *   venue of a many-party event ("hội nghị ... tại Phnom Penh"), background geography ("thủ phủ là
 *   thành phố Jeonju", "cách sân bay Incheon, Seoul 300 km"), or another Vietnamese province's
 *   counterpart in a sentence that does not name the subject province;
 * - partner, when the sentence speaks of cooperation, visits, agreements, aid or trade (or it is
 *   the headline);
 * - neutral otherwise.
 * A locality is a partner when one sentence calls it so; mentioned when some sentence only places
 * it and none calls it a partner; a partner on weak evidence when every sentence is neutral.
 */
import { relationCues as cues, localityPhrases } from '../../knowledge/rules.ts';
import { localityBySlug, type Locality } from '../../knowledge/localities.ts';
import { provinceRef } from '../../knowledge/provinces.ts';
import type { PartnerKind, ProvinceRef, Relation, RelationEvidence } from '../../schemas/extraction.ts';
import { alternation, phraseTagger, SPACE } from '../../lib/text.ts';
import type { PartnerMention } from './partners.ts';
import type { ProvinceHit } from './province.ts';

/** One sentence with the foreign localities and Vietnamese provinces found in it. */
export interface SentenceMentions {
  text: string;
  line: number;
  /** The sentence is (part of) the headline. */
  headline: boolean;
  localities: readonly PartnerMention[];
  provinces: readonly ProvinceHit[];
}

export interface Call {
  kind: 'partner' | 'mentioned' | 'neutral';
  /** Why, in Vietnamese, for the page and the review list. */
  reason: string;
}

export interface RelationCall {
  relation: Relation;
  evidence: RelationEvidence;
}

const CLASSIFIER = `(?:(?:${alternation(
  localityPhrases.classifiers.entries.map((c) => c.word),
  { capitalFirst: true },
)})${SPACE})?`;
const phrases = (list: readonly string[]) => alternation(list, { capitalFirst: true });
const ci = (list: readonly string[]) => alternation(list);

/** Separators between a locality and the region it lies in: "A, tỉnh B", "A (B)", "A - tỉnh B", "A thuộc B". */
const PARENT_GAP = new RegExp(`^[\\s\\u00a0]*(?:,|\\(|[-–—]|thuộc|của)[\\s\\u00a0]*${CLASSIFIER}$`, 'u');
/** "A là châu miền núi của tỉnh B", "A thuộc tỉnh B": B is where A lies. */
const DESCRIBED_IN = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:là|thuộc)${SPACE}[^,.;:!?()]{0,50}?(?:của|thuộc)${SPACE}${CLASSIFIER}$`, 'iu');
const POST_BEFORE = new RegExp(`(?:${ci(cues.postBefore.entries)})[^.;:!?]{0,60}?${SPACE}(?:tại|ở)${SPACE}${CLASSIFIER}$`, 'iu');
/** A name head, then only capitalised words, numbers and joiners up to the locality. */
const NAME_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:${phrases(cues.nameHeads.entries)})(?:${SPACE}(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|[-–—&]|\\d+|quốc tế|lần thứ|phụ|chính|song phương|mở rộng|tự do))*${SPACE}${CLASSIFIER}$`,
  'u',
);
const VENUE_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${ci(cues.venueBefore.entries)})${SPACE}${CLASSIFIER}$`, 'iu');
/** Many-party event nouns and cooperation words a sentence holds (one pass over its words). */
const SENTENCE_CUES = phraseTagger({ event: cues.eventNouns.entries, cooperation: cues.cooperation.entries });
const VISIT = /(?<![\p{L}\p{N}])(?:thăm|làm việc|hội đàm|tiếp đoàn|đón đoàn)(?![\p{L}\p{N}])/iu;
const BACKGROUND_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${ci(cues.backgroundBefore.entries)})${SPACE}${CLASSIFIER}$`, 'iu');
const DISTANCE_FROM = /(?<![\p{L}\p{N}])cách(?![\p{L}\p{N}])[^.;!?]{0,80}$/iu;
const DISTANCE_AFTER = new RegExp(`^[^.;!?]{0,50}?\\d[\\d.,]*[\\s\\u00a0]*(?:${ci(cues.distanceAfter.entries)})(?![\\p{L}\\p{N}])`, 'iu');
const PAIR_GAP = new RegExp(`^[\\s\\u00a0]*(?:\\([^()]{1,30}\\)[\\s\\u00a0]*)?(?:${ci(cues.pairWords.entries)})[\\s\\u00a0]*${CLASSIFIER}$`, 'iu');
/** Words before a Vietnamese province that make it a place, not a party. */
const PLACE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:tại|ở|đến|sang|về|từ|trên địa bàn)[\s\u00a0]+(?:(?:tỉnh|thành phố|TP\.?)[\s\u00a0]*)?$/iu;
/** Between a province and a locality: it acts towards the locality. */
const ACTION = /(?<![\p{L}\p{N}])(?:tiếp|đón|thăm|hội đàm|ký|ký kết|kết nghĩa|hợp tác|hỗ trợ|trao tặng|làm việc)(?![\p{L}\p{N}])/iu;


/** How far up the administrative ladder a locality stands: 1 = first-level division. */
function level(kind: PartnerKind, locality: Locality | null): number {
  if (locality?.iso3166_2) return 1;
  if (kind === 'district') return 3;
  if (kind === 'city' || (kind === 'prefecture' && locality?.country !== 'JP')) return 2;
  return 1;
}

function isAncestor(upper: PartnerMention, lower: PartnerMention): boolean {
  if (upper.country !== lower.country) return false;
  for (let at = lower.locality?.parent, guard = 0; at && guard < 5; guard++) {
    if (at === upper.slug) return true;
    at = localityBySlug(at)?.parent;
  }
  return level(upper.kind, upper.locality) < level(lower.kind, lower.locality);
}

function before(text: string, m: PartnerMention, span = 90): string {
  return text.slice(Math.max(0, m.start - span), m.start);
}

/** The subject's side: the subject province itself, or a province merged into it in 2025. */
function subjectSide(hit: ProvinceHit, subject: ProvinceRef | null): boolean {
  if (!subject) return false;
  if (hit.slug === subject.slug) return true;
  const ref = provinceRef(hit.slug);
  return ref.mergedInto.slug === subject.slug || (subject.mergedInto.slug === ref.mergedInto.slug && subject.slug === subject.mergedInto.slug);
}

/**
 * Another Vietnamese province that is the party to a locality in a sentence that does not name the
 * subject province: "tỉnh A và tỉnh X", "X - A", "lãnh đạo tỉnh A tiếp đoàn tỉnh X" in a report
 * about B. A province named as a place ("tại Hà Nội", "đến TP. Hồ Chí Minh") is no party.
 */
function otherProvinceParty(s: SentenceMentions, m: PartnerMention, subject: ProvinceRef | null): ProvinceHit | null {
  if (!subject || s.provinces.some((p) => subjectSide(p, subject))) return null;
  const text = s.text;
  for (const p of s.provinces) {
    if (PLACE_BEFORE.test(text.slice(Math.max(0, p.from - 30), p.from))) continue;
    if (p.start >= m.end && PAIR_GAP.test(text.slice(m.end, p.from))) return p;
    if (p.end <= m.start) {
      const between = text.slice(p.end, m.start);
      if (PAIR_GAP.test(between) || (between.length <= 60 && ACTION.test(between) && !/[.;:!?]/u.test(between))) return p;
    }
  }
  return null;
}

/** The call for the locality mention `i` of a sentence. */
export function callMention(s: SentenceMentions, i: number, subject: ProvinceRef | null): Call {
  const m = s.localities[i];
  if (!m) return { kind: 'neutral', reason: '' };
  const text = s.text;
  const prev = s.localities[i - 1];
  if (prev && isAncestor(m, prev)) {
    const gap = text.slice(prev.end, m.start);
    if (PARENT_GAP.test(gap) || DESCRIBED_IN.test(gap)) return { kind: 'mentioned', reason: `vùng chứa ${prev.asWritten}, viết sau tên này` };
  }
  const pre = before(text, m);
  if (POST_BEFORE.test(pre)) return { kind: 'mentioned', reason: 'nơi đặt cơ quan đại diện' };
  if (NAME_BEFORE.test(pre)) return { kind: 'mentioned', reason: 'một phần của tên riêng (hội chợ, cửa khẩu, khu kinh tế…)' };
  if (VENUE_BEFORE.test(pre) && SENTENCE_CUES(text).has('event') && !VISIT.test(text)) return { kind: 'mentioned', reason: 'nơi diễn ra sự kiện' };
  if (BACKGROUND_BEFORE.test(pre)) return { kind: 'mentioned', reason: 'thông tin địa lý' };
  if (DISTANCE_FROM.test(pre) && DISTANCE_AFTER.test(text.slice(m.end))) return { kind: 'mentioned', reason: 'mốc đo khoảng cách' };
  const other = otherProvinceParty(s, m, subject);
  if (other) return { kind: 'mentioned', reason: `quan hệ của tỉnh ${provinceRef(other.slug).name}, không phải của tỉnh trong bài` };
  if (s.headline) return { kind: 'partner', reason: 'nêu trong tiêu đề' };
  const cue = SENTENCE_CUES(text).get('cooperation');
  if (cue) return { kind: 'partner', reason: `câu nói về quan hệ với tỉnh («${cue}»)` };
  return { kind: 'neutral', reason: '' };
}

/**
 * The relation of every locality (by slug) from the calls of all its mentions, with the sentence
 * that decided it.
 */
export function decideRelations(sentences: readonly SentenceMentions[], subject: ProvinceRef | null): Map<string, RelationCall> {
  const partner = new Map<string, RelationCall>();
  const mentioned = new Map<string, RelationCall>();
  const neutral = new Map<string, RelationCall>();
  for (const s of sentences) {
    s.localities.forEach((m, i) => {
      const call = callMention(s, i, subject);
      const where = { sentence: s.text, line: s.line };
      if (call.kind === 'partner' && !partner.has(m.slug)) {
        partner.set(m.slug, { relation: 'partner', evidence: { ...where, reason: call.reason, weak: false } });
      } else if (call.kind === 'mentioned' && !mentioned.has(m.slug)) {
        mentioned.set(m.slug, { relation: 'mentioned', evidence: { ...where, reason: call.reason, weak: false } });
      } else if (call.kind === 'neutral' && !neutral.has(m.slug)) {
        neutral.set(m.slug, {
          relation: 'partner',
          evidence: { ...where, reason: 'được nhắc đến, không câu nào nói rõ quan hệ', weak: true },
        });
      }
    });
  }
  const out = new Map<string, RelationCall>();
  for (const [slug, call] of neutral) out.set(slug, call);
  for (const [slug, call] of mentioned) {
    // A place that some sentence only places, and none calls a partner, is mentioned; neutral
    // sentences beside it make that call weaker.
    out.set(slug, neutral.has(slug) ? { ...call, evidence: { ...call.evidence, weak: true } } : call);
  }
  for (const [slug, call] of partner) out.set(slug, call);
  return out;
}

/**
 * Relation events: what happened between the report's subject province and each partner, one per
 * kind and partner in a sentence, with its date, the people who led it, the figures stated with it
 * and the sentence. Only partners count (a locality the report only mentions has no events with the
 * province); a country is the partner when a sentence names no partner locality.
 *
 * The kind comes from the words of the clause that names the partner (data/relation-cues.json,
 * "events"); the direction of a visit from who travels: a delegation of the partner, or one
 * received by the province, comes in; the province's delegation, or one going "tại"/"sang" the
 * partner, goes out. Aid is given unless the partner is the one giving.
 */
import { relationCues } from '../../knowledge/rules.ts';
import { countryNames } from '../../knowledge/countries.ts';
import { provinceBySlug } from '../../knowledge/provinces.ts';
import type { EventDate, EventKind, EventPartner, Fact, Partner, Person, ProvinceRef, RelationEvent } from '../../schemas/extraction.ts';
import { alternation, escapeRegExp, phraseTagger } from '../../lib/text.ts';
import type { ArticleSentence, ExtractContext } from './context.ts';
import { dateOfSentence } from './dates.ts';

const cues = relationCues.events;
/** The cue groups a clause holds (one pass over its words). */
const CUES = phraseTagger({
  twinning: cues.twinning,
  established: cues.established,
  agreement: cues.agreement,
  meeting: cues.meeting,
  travel: cues.travel,
  aid: cues.aid,
  conference: cues.conference,
  trade: cues.trade,
});
/** Receiving a visitor: the phrases, or "tiếp"/"đón" right before whom ("tiếp Đại sứ", "đón ông"; never "tiếp tục"). */
const RECEIVE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${alternation(cues.receive)})(?![\\p{L}\\p{N}])|(?:[Tt]iếp|[Đđ]ón)[\\s\\u00a0]+(?=\\p{Lu}|(?:ông|bà|ngài|đồng chí|đoàn)(?![\\p{L}\\p{N}])))`,
  'u',
);

const DELEGATION_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(cues.delegation)})(?![\\p{L}\\p{N}])`, 'iu');
const DELEGATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(cues.delegation)})(?![\\p{L}\\p{N}])`, 'giu');

/** "tại tỉnh X", "sang X", "tại Tòa thị chính X": the place an action happens in or goes to. */
const AT_BEFORE = /(?:^|[^\p{L}\p{N}])(?:tại|sang|đến|tới|ở)[\s\u00a0]+(?:[^,;.()]{0,30}?[\s\u00a0]+)?(?:(?:tỉnh|thành phố|TP\.?|bang|quận|huyện|châu|khu tự trị)[\s\u00a0]+)?$/iu;
/** The partner gives: "nhận (được) sự hỗ trợ của X", "X tài trợ", "do X tài trợ". */
const RECEIVED_FROM = /(?:nhận|tiếp nhận|được)[^.;]{0,40}(?:hỗ trợ|viện trợ|tài trợ|giúp đỡ|trao tặng|ủng hộ)[^.;]{0,30}(?:của|từ)[\s\u00a0]*$/iu;
const GIVER_BEFORE = /(?:do|từ)[\s\u00a0]+(?:(?:tỉnh|thành phố|chính quyền)[\s\u00a0]+)?$/iu;

export interface EventInput {
  province: ProvinceRef | null;
  partners: readonly Partner[];
  people: readonly Person[];
  facts: readonly Fact[];
  published: string | null;
}

/** Every place a partner is named in a sentence, by any of its written forms. */
function positionsOf(text: string, forms: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const f of new Set(forms)) {
    if (!f) continue;
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + f.length)) out.push({ start: at, end: at + f.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clauses of a sentence (split at semicolons) with their offsets. */
function clausesOf(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== ';') continue;
    out.push({ text: text.slice(from, i), offset: from });
    from = i + 1;
  }
  return out;
}

/** "nhân dịp kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao …": an anniversary, not what happened. */
const ANNIVERSARY = /(?<![\p{L}\p{N}])kỷ niệm(?![\p{L}\p{N}])/iu;
/** Plans and wishes: what will or should happen ("hai bên sẽ hỗ trợ", "đề nghị tăng cường"). */
const PLAN = phraseTagger({ plan: ['sẽ', 'mong muốn', 'đề nghị', 'kêu gọi', 'định hướng', 'phương hướng', 'dự kiến', 'cần', 'tăng cường', 'hướng đến', 'hướng tới', 'gợi mở', 'nhằm'] });
/** "Việt Nam – Hàn Quốc": the two countries, not the province, are the parties. */
const NATIONAL_PAIR = /Việt[\s\u00a0]+Nam[\s\u00a0]*[-–—][\s\u00a0]*$/u;
/** The province without its name: "Tỉnh đã tổ chức …", "đầu tư vào tỉnh", "của tỉnh" (never "tỉnh Akita"). */
const PROVINCE_ACTS = /(?<![\p{L}\p{N}])(?:[Tt]ỉnh|[Tt]hành phố)(?![\p{L}\p{N}])(?![\s\u00a0]+\p{Lu})/u;

/** The province's side in a clause: its forms anywhere, at a text's start, at its end, and as a place. */
interface Subject {
  any: RegExp;
  start: RegExp;
  end: RegExp;
  place: RegExp;
}

const subjects = new Map<string, Subject>();

/** The patterns of a subject province, built once per province. */
function subjectOf(province: ProvinceRef | null): Subject | null {
  if (!province) return null;
  let known = subjects.get(province.slug);
  if (!known) {
    const forms = subjectForms(province).source;
    known = {
      any: new RegExp(forms, 'iu'),
      start: new RegExp(`^(?:${forms})`, 'iu'),
      end: new RegExp(`(?:${forms})$`, 'iu'),
      place: new RegExp(`(?:tại|sang|đến|tới|ở)[\\s\\u00a0]+(?:trụ sở[^,;.]{0,40}?|(?:tỉnh|thành phố|TP\\.?)[\\s\\u00a0]+)?(?:${forms})`, 'iu'),
    };
    subjects.set(province.slug, known);
  }
  return known;
}

/** Written forms of the subject province (name, aliases, the one it merged into), to tell its side from the partner's. */
function subjectForms(province: ProvinceRef): RegExp {
  const record = provinceBySlug(province.slug);
  const names = [province.name, province.mergedInto.name, ...(record?.aliases ?? [])].map((n) => escapeRegExp(n).replace(/ /g, '[\\s\\u00a0]+'));
  return new RegExp(`(?:${names.join('|')}|tỉnh ta|thành phố ta|của tỉnh(?![\\p{L}\\p{N}]|[\\s\\u00a0]+\\p{Lu}))`, 'iu');
}

/** Words between "đoàn" and the name of the side it belongs to ("đoàn đại biểu cấp cao của tỉnh …"). */
const DELEGATION_OWNER_AFTER =
  /^(?:[\s\u00a0]+(?:đại biểu|công tác|cán bộ|cấp cao|lãnh đạo|chính quyền|hữu nghị|doanh nghiệp|liên ngành|thanh niên|HĐND|UBND|Tỉnh ủy|Thành ủy))*[\s\u00a0]+(?:của[\s\u00a0]+)?(?:(?:tỉnh|thành phố|TP\.?|Thủ đô|bang|châu)[\s\u00a0]+)?/iu;
/** "X đã cử 2 đoàn", "X tổ chức đoàn": the side that sends a delegation, just before. */
const SENDS_BEFORE = /(?:đã|cũng|vừa|đều)?[\s\u00a0]*(?:cử|gửi|đưa|tổ chức)[\s\u00a0]+(?:\d+[\s\u00a0]+)?$/iu;

/** Whose delegation a "đoàn" is: the subject province's, the partner's, or unknown. */
function delegationOwner(clause: string, d: RegExpExecArray, at: ReadonlyArray<{ start: number; end: number }>, subject: Subject | null): 'subject' | 'partner' | null {
  const afterStart = d.index + d[0].length;
  const lead = DELEGATION_OWNER_AFTER.exec(clause.slice(afterStart, afterStart + 80));
  const nameAt = afterStart + (lead ? lead[0].length : 0);
  if (at.some((p) => p.start === nameAt)) return 'partner';
  if (subject?.start.test(clause.slice(nameAt))) return 'subject';
  const before = clause.slice(Math.max(0, d.index - 60), d.index);
  const sends = SENDS_BEFORE.exec(before);
  if (sends) {
    const sender = before.slice(0, sends.index).trimEnd();
    const from = d.index - before.length;
    if (at.some((p) => p.end === from + sender.length)) return 'partner';
    if (subject?.end.test(sender)) return 'subject';
  }
  return null;
}

/**
 * Direction of a visit in a clause: whose delegation it is, who receives, or where it takes place
 * ("tại" the partner: out; "tại" the province's seat: in).
 */
function visitDirection(clause: string, at: ReadonlyArray<{ start: number; end: number }>, subject: Subject | null): 'in' | 'out' | null {
  const cue = CUES(clause);
  const delegations = [...clause.matchAll(DELEGATION)];
  if (!cue.has('travel') && !cue.has('meeting') && !RECEIVE.test(clause) && delegations.length === 0) return null;
  // Where it happens says who travelled: the partner's place, or the province's seat.
  if (at.some((p) => AT_BEFORE.test(clause.slice(0, p.start)))) return 'out';
  if (subject?.place.test(clause)) return 'in';
  for (const d of delegations) {
    const owner = delegationOwner(clause, d, at, subject);
    if (owner) return owner === 'partner' ? 'in' : 'out';
  }
  if (at.some((p) => RECEIVE.test(clause.slice(0, p.start)))) return 'in';
  return null;
}

const AID_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(cues.aid)})(?![\\p{L}\\p{N}])`, 'iu');

/**
 * Who gives: "của X" / "từ X" / "do X" after the aid word, or the partner named as the actor before
 * it with the province after ("tỉnh Val-de-Marne đã dành cho tỉnh Yên Bái nhiều hỗ trợ"), is the
 * partner giving; otherwise the province gives.
 */
function aidDirection(clause: string, at: ReadonlyArray<{ start: number; end: number }>, subject: Subject | null): 'aid-given' | 'aid-received' {
  const first = at[0];
  const before = first ? clause.slice(0, first.start) : clause;
  if (RECEIVED_FROM.test(before) || GIVER_BEFORE.test(before) || /(?:hỗ trợ|giúp đỡ|tài trợ|viện trợ|ủng hộ)[^.;]{0,40}(?:của|từ)[\s\u00a0]+(?:(?:tỉnh|thành phố|chính quyền)[\s\u00a0]+)?$/iu.test(before)) {
    return 'aid-received';
  }
  const word = AID_WORD.exec(clause);
  if (word && first && first.start < word.index && subject) {
    const subjectAt = clause.search(subject.any);
    if (subjectAt > first.start) return 'aid-received';
  }
  return 'aid-given';
}

function kindsIn(clause: string, at: ReadonlyArray<{ start: number; end: number }>, subject: Subject | null, planned: boolean): EventKind[] {
  // What follows "kỷ niệm" is the anniversary of something else.
  const anniversary = clause.search(ANNIVERSARY);
  const own = anniversary < 0 ? clause : clause.slice(0, anniversary);
  const kinds: EventKind[] = [];
  const cue = CUES(own);
  if (cue.has('twinning')) kinds.push('twinning');
  if (cue.has('established')) kinds.push('established');
  if (cue.has('agreement')) kinds.push('agreement');
  const visit = visitDirection(own, at, subject);
  if (visit) kinds.push(visit === 'in' ? 'visit-in' : 'visit-out');
  else if (cue.has('meeting')) kinds.push('meeting');
  if (planned) return kinds;
  if (cue.has('aid')) kinds.push(aidDirection(own, at, subject));
  if (cue.has('conference')) kinds.push('conference');
  if (cue.has('trade') && kinds.length === 0) kinds.push('trade');
  return kinds;
}

interface Side {
  partner: EventPartner;
  forms: readonly string[];
}

/** Partner localities by the sentences that name them ("line|sentence"). */
function localitiesBySentence(partners: readonly Partner[]): Map<string, Side[]> {
  const out = new Map<string, Side[]>();
  for (const p of partners) {
    if (p.relation !== 'partner') continue;
    const side: Side = { partner: { type: 'locality', slug: p.slug, name: p.nameVi ?? p.name, country: p.country }, forms: p.asWritten };
    for (const m of p.sentences) {
      const key = `${m.line}|${m.sentence}`;
      out.set(key, [...(out.get(key) ?? []), side]);
    }
  }
  return out;
}

/** Partners a sentence names: its partner localities, else the foreign countries it names. */
function sidesOf(s: ArticleSentence, bySentence: ReadonlyMap<string, Side[]>): Side[] {
  const localities = bySentence.get(`${s.line}|${s.text}`) ?? [];
  if (localities.length > 0) return localities;
  const countries = new Map<string, string[]>();
  for (const c of s.countries) {
    if (c.code === 'VN' || NATIONAL_PAIR.test(s.text.slice(Math.max(0, c.start - 12), c.start))) continue;
    countries.set(c.code, [...(countries.get(c.code) ?? []), c.asWritten]);
  }
  return [...countries].map(([code, forms]) => ({ partner: { type: 'country', country: code, name: countryNames(code).nameVi }, forms }));
}

const yearOf = (e: RelationEvent) => e.date.year ?? e.date.period?.[0] ?? null;
const sidesEqual = (a: EventPartner, b: EventPartner) =>
  a.type === 'locality' ? b.type === 'locality' && a.slug === b.slug : b.type === 'country' && a.country === b.country;
const isVisit = (k: EventKind) => k === 'visit-in' || k === 'visit-out' || k === 'meeting';

/**
 * One occasion told in several sentences: the same partner and kind (talks and a visit are the
 * same occasion), in the same year (or both undated).
 */
function sameOccasion(a: RelationEvent, b: RelationEvent): boolean {
  if (!sidesEqual(a.partner, b.partner)) return false;
  if (a.kind !== b.kind && !(isVisit(a.kind) && isVisit(b.kind) && (a.kind === 'meeting' || b.kind === 'meeting'))) return false;
  // Undated mentions are one occasion; a dated one is another occasion than one of another (or no) year.
  return yearOf(a) === yearOf(b);
}

const NO_DATE: EventDate = { value: null, year: null, period: null, from: 'none' };

export function extractEvents(ctx: ExtractContext, input: EventInput): RelationEvent[] {
  const subject = subjectOf(input.province);
  const out: RelationEvent[] = [];
  const bySentence = localitiesBySentence(input.partners);
  for (const s of ctx.sentences) {
    // Most sentences tell of no event: no cue word, no delegation, nobody received.
    if (CUES(s.text).size === 0 && !RECEIVE.test(s.text) && !DELEGATION_WORD.test(s.text)) continue;
    // A country is a partner only in a sentence where the province itself acts.
    let acts: boolean | null = null;
    const provinceActs = () => (acts ??= (subject?.any.test(s.text) ?? false) || PROVINCE_ACTS.test(s.text));
    const sides = sidesOf(s, bySentence).filter((side) => side.partner.type === 'locality' || provinceActs());
    if (sides.length === 0) continue;
    const date = dateOfSentence(s.text, input.published);
    const people = input.people.filter((p) => s.text.includes(p.name)).map((p) => p.name);
    const facts = input.facts.filter((f) => f.line === s.line && f.sentence === s.text).map((f) => f.id);
    const clauses = clausesOf(s.text);
    const planned = PLAN(s.text).has('plan');
    for (const side of sides) {
      const at = positionsOf(s.text, side.forms);
      const kinds = new Set<EventKind>();
      for (const clause of clauses) {
        const local = at
          .filter((p) => p.start >= clause.offset && p.end <= clause.offset + clause.text.length)
          .map((p) => ({ start: p.start - clause.offset, end: p.end - clause.offset }));
        if (local.length > 0) for (const k of kindsIn(clause.text, local, subject, planned)) kinds.add(k);
      }
      for (const kind of kinds) {
        // The period of an agreement or plan ("kế hoạch hợp tác giai đoạn 2025 - 2030") is its term, not when it was signed.
        const when = kind === 'agreement' && date.period ? NO_DATE : date;
        const event: RelationEvent = { id: `e${out.length + 1}`, kind, partner: side.partner, date: when, people, facts, sentence: s.text, line: s.line };
        const same = out.find((e) => sameOccasion(e, event));
        if (!same) out.push(event);
        else {
          // Told again: the first sentence stays; a visit says more than "talks", a year more than none.
          if (same.kind === 'meeting' && (kind === 'visit-in' || kind === 'visit-out')) same.kind = kind;
        }
      }
    }
  }
  return out;
}

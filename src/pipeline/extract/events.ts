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
import type { EventKind, EventPartner, Fact, Partner, Person, ProvinceRef, RelationEvent } from '../../schemas/extraction.ts';
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

const DELEGATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(cues.delegation)})(?![\\p{L}\\p{N}])`, 'giu');

/** "tại tỉnh X", "sang X", "đến X": the place an action happens in or goes to. */
const AT_BEFORE = /(?:^|[^\p{L}\p{N}])(?:tại|sang|đến|tới|ở)[\s\u00a0]+(?:(?:tỉnh|thành phố|TP\.?|bang|quận|huyện|châu|khu tự trị)[\s\u00a0]+)?$/iu;
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

/** Where the partner is named in a sentence: the first of its written forms. */
function positionOf(text: string, forms: readonly string[]): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const f of forms) {
    const at = text.indexOf(f);
    if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + f.length };
  }
  return best;
}

/** The clause of the sentence that holds [start, end): up to the semicolons around it. */
function clauseOf(text: string, at: { start: number; end: number }): { text: string; offset: number } {
  const from = text.lastIndexOf(';', at.start) + 1;
  const stop = text.indexOf(';', at.end);
  const to = stop < 0 ? text.length : stop;
  return { text: text.slice(from, to), offset: from };
}

/** Forms the subject province is written in, to tell its delegation from the partner's. */
function subjectForms(province: ProvinceRef | null): RegExp | null {
  if (!province) return null;
  const names = [province.name, province.mergedInto.name].map(escapeRegExp).join('|');
  return new RegExp(`(?:${names}|tỉnh ta|thành phố ta|của tỉnh(?![\\p{L}\\p{N}]|[\\s\\u00a0]+\\p{Lu}))`, 'iu');
}

/** Direction of a visit in a clause: who travels, or who receives. */
function visitDirection(clause: string, at: { start: number; end: number }, subject: RegExp | null): 'in' | 'out' | null {
  const before = clause.slice(0, at.start);
  const travel = CUES(clause).has('travel');
  const receive = RECEIVE.test(before);
  if (!travel && !receive) return null;
  // A delegation named right before the partner is the partner's own ("Đoàn đại biểu tỉnh Salavan").
  const delegations = [...before.matchAll(DELEGATION)];
  const lastDelegation = delegations.at(-1);
  const between = lastDelegation ? before.slice(lastDelegation.index + lastDelegation[0].length) : '';
  if (lastDelegation && between.length <= 45 && !/[,;:]/u.test(between) && !(subject && subject.test(between))) return 'in';
  if (receive) return 'in';
  if (AT_BEFORE.test(before)) return 'out';
  // The province's own delegation travelling: "Đoàn công tác của tỉnh Hòa Bình sang thăm …".
  if (subject && delegations.some((d) => subject.test(clause.slice(d.index, d.index + 60)))) return 'out';
  return travel ? 'in' : null;
}

function kindsIn(clause: string, at: { start: number; end: number }, subject: RegExp | null): EventKind[] {
  const kinds: EventKind[] = [];
  const cue = CUES(clause);
  if (cue.has('twinning')) kinds.push('twinning');
  if (cue.has('established')) kinds.push('established');
  if (cue.has('agreement')) kinds.push('agreement');
  const visit = visitDirection(clause, at, subject);
  if (visit) kinds.push(visit === 'in' ? 'visit-in' : 'visit-out');
  else if (cue.has('meeting')) kinds.push('meeting');
  if (cue.has('aid')) {
    const before = clause.slice(0, at.start);
    kinds.push(RECEIVED_FROM.test(before) || GIVER_BEFORE.test(before) ? 'aid-received' : 'aid-given');
  }
  if (cue.has('conference') && !kinds.includes('agreement')) kinds.push('conference');
  if (cue.has('trade') && kinds.length === 0) kinds.push('trade');
  return kinds;
}

interface Side {
  partner: EventPartner;
  forms: readonly string[];
}

/** Partners a sentence names: its partner localities, else the foreign countries it names. */
function sidesOf(s: ArticleSentence, partners: readonly Partner[]): Side[] {
  const localities = partners
    .filter((p) => p.relation === 'partner' && p.sentences.some((m) => m.line === s.line && m.sentence === s.text))
    .map((p): Side => ({ partner: { type: 'locality', slug: p.slug, name: p.nameVi ?? p.name, country: p.country }, forms: p.asWritten }));
  if (localities.length > 0) return localities;
  const countries = new Map<string, string[]>();
  for (const c of s.countries) if (c.code !== 'VN') countries.set(c.code, [...(countries.get(c.code) ?? []), c.asWritten]);
  return [...countries].map(([code, forms]) => ({ partner: { type: 'country', country: code, name: countryNames(code).nameVi }, forms }));
}

export function extractEvents(ctx: ExtractContext, input: EventInput): RelationEvent[] {
  const subject = subjectForms(input.province);
  const out: RelationEvent[] = [];
  const seen = new Set<string>();
  for (const s of ctx.sentences) {
    const sides = sidesOf(s, input.partners);
    if (sides.length === 0) continue;
    const date = dateOfSentence(s.text, input.published);
    const people = input.people.filter((p) => s.text.includes(p.name)).map((p) => p.name);
    const facts = input.facts.filter((f) => f.line === s.line && f.sentence === s.text).map((f) => f.id);
    for (const side of sides) {
      const at = positionOf(s.text, side.forms);
      if (!at) continue;
      const clause = clauseOf(s.text, at);
      const local = { start: at.start - clause.offset, end: at.end - clause.offset };
      for (const kind of kindsIn(clause.text, local, subject)) {
        const who = side.partner.type === 'locality' ? side.partner.slug : side.partner.country;
        // The same kind with the same partner in the same year is one occasion told twice.
        const key = `${kind}|${who}|${date.year ?? date.period?.join('-') ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ id: `e${out.length + 1}`, kind, partner: side.partner, date, people, facts, sentence: s.text, line: s.line });
      }
    }
  }
  return out;
}

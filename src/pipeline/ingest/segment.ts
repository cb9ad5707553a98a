import { noiseRules as rules } from '../../knowledge/rules.ts';
import type { Block, BlockKind } from '../../schemas/ingest.ts';
import { countWords, fold, isBlank, isWhitespaceCode } from '../../lib/text.ts';

interface Rule {
  name: string;
  pattern: RegExp;
}
const compile = (list: ReadonlyArray<{ name: string; pattern: string }>): Rule[] =>
  list.map((r) => ({ name: r.name, pattern: new RegExp(r.pattern, 'iu') }));
const LINE_RULES = compile(rules.line);
const TAIL_RULES = compile(rules.tail);

/** A paragraph this long is prose (lede or body), never a headline, menu or byline. */
const PROSE_WORDS = 25;
/** Headlines of Vietnamese news pages stay under this many words. */
const HEADLINE_MAX_WORDS = 40;

interface Draft {
  line: number;
  text: string;
  offset: number;
  words: number;
  kind: BlockKind | null;
  reason?: string;
}

/**
 * Splits decoded text into non-blank lines and classifies each: headline, lede, subheading,
 * body, caption, byline, or noise (with the rule that fired). Rules describe how Vietnamese news
 * pages are laid out, not any one site.
 */
export function segment(text: string): Block[] {
  const drafts = toDrafts(text);
  markLineNoise(drafts);
  markTailNoise(drafts);

  const content = () => drafts.filter((d) => d.kind !== 'noise');
  const headline = findHeadline(content());
  if (headline) {
    headline.kind = 'headline';
    // Many papers print the author's name between the headline and the lede.
    const after = content()[content().indexOf(headline) + 1];
    if (after && looksLikeByline(after.text)) after.kind = 'byline';
    for (const d of drafts) if (d.line < headline.line && d.kind !== 'noise') setNoise(d, 'before-headline');
    const headlineKey = textKey(headline.text);
    for (const d of drafts) {
      if (d === headline || d.kind === 'noise') continue;
      // A line's key keeps every ASCII letter and digit: a paragraph with more than the headline's key has cannot repeat it.
      if (asciiWordChars(d.text) <= headlineKey.length && textKey(d.text) === headlineKey) setNoise(d, 'headline-repeat');
    }
  }
  markBylineAndAfter(drafts);
  markCaptions(drafts);
  markStructure(drafts, headline);

  return drafts.map(({ line, text: t, offset, kind, reason }) => ({
    line,
    text: t,
    offset,
    kind: kind ?? 'body',
    ...(reason ? { reason } : {}),
  }));
}

/** Length in code points, as `[...s].length` counts (a lone surrogate is one). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function toDrafts(text: string): Draft[] {
  const drafts: Draft[] = [];
  let offset = 0;
  text.split('\n').forEach((raw, i) => {
    const length = codePoints(raw);
    if (!isBlank(raw)) {
      // trim() removes exactly what [\s\u00a0] matches; each of those is one code point.
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      drafts.push({ line: i + 1, text: trimmed, offset: offset + lead, words: countWords(trimmed), kind: null });
    }
    offset += length + 1;
  });
  return drafts;
}

function setNoise(d: Draft, reason: string) {
  d.kind = 'noise';
  d.reason = reason;
}

function markLineNoise(drafts: Draft[]) {
  for (const d of drafts) {
    const rule = LINE_RULES.find((r) => r.pattern.test(d.text));
    if (rule) setNoise(d, rule.name);
    else if (isRepeatedPhrase(d.text)) setNoise(d, 'repeated-heading');
    else if (isBreadcrumb(d.text)) setNoise(d, 'breadcrumb');
  }
}

/**
 * A "Tin liên quan"-style heading opens a list of other stories: headlines, each with at most one
 * summary. The list runs to the end of the page, unless the article resumes inside it, which shows
 * as two prose paragraphs in a row (a box of related links placed mid-article).
 */
function markTailNoise(drafts: Draft[]) {
  let seenProse = false;
  let tail: string | null = null;
  drafts.forEach((d, i) => {
    if (tail) {
      const next = drafts.slice(i + 1).find((n) => n.kind !== 'noise');
      if (d.kind !== 'noise' && d.words >= PROSE_WORDS && next && next.words >= PROSE_WORDS && !TAIL_RULES.some((r) => r.pattern.test(next.text))) {
        tail = null;
        seenProse = true;
        return;
      }
      setNoise(d, tail);
      return;
    }
    if (d.kind === 'noise') return;
    const rule = TAIL_RULES.find((r) => r.pattern.test(d.text));
    // The heading itself is never article text; the list after it only counts once the article has begun.
    if (rule) {
      setNoise(d, rule.name);
      if (seenProse) tail = rule.name;
    } else if (d.words >= PROSE_WORDS) {
      seenProse = true;
    }
  });
}

/** True when `text.split(/\s+/)` would give more than `max` parts; stops counting early. */
function morePartsThan(text: string, max: number): boolean {
  let parts = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespaceCode(text.charCodeAt(i));
    if (space && !inSpace && ++parts > max) return true;
    inSpace = space;
  }
  return false;
}

/** Portal templates print widget titles twice ("Liên kết Liên kết"). */
function isRepeatedPhrase(text: string): boolean {
  // More than 16 words cannot qualify: stop before splitting a long paragraph.
  if (morePartsThan(text, 16)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length % 2 || words.length > 16) return false;
  const half = words.length / 2;
  return words.slice(0, half).join(' ') === words.slice(half).join(' ');
}

/** "Trang chủ > Tin tức > Đối ngoại" */
function isBreadcrumb(text: string): boolean {
  if (!/[>»›]|\/\//u.test(text)) return false;
  const parts = text.split(/\s*(?:>|»|›|\/\/)\s*/u);
  return parts.length >= 3 && parts.every((p) => p.length > 0 && countWords(p) <= 5);
}

/** Characters of `[A-Za-z0-9_]` (what `\w` matches): folding never removes one. */
function asciiWordChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) n++;
  }
  return n;
}

/** Two lines are the same text when these keys are equal (case, marks and punctuation ignored). */
function textKey(a: string): string {
  return fold(a).replace(/\W+/gu, ' ').trim();
}

/**
 * The headline is the last short line before the first prose paragraph (chrome and bylines can
 * precede it). A dump that opens with prose has no printed headline.
 */
function findHeadline(content: Draft[]): Draft | null {
  const firstProse = content.findIndex((d) => d.words >= PROSE_WORDS);
  if (firstProse <= 0) return null;
  const before = content.slice(0, firstProse);
  const candidates = before.filter((d) => d.words <= HEADLINE_MAX_WORDS && !looksLikeByline(d.text));
  const pick = candidates.at(-1);
  if (!pick || /[.;:]$/u.test(pick.text) || /^\(/u.test(pick.text)) return null;
  return pick;
}

/** A byline: 2-5 capitalised words, no digits or sentence punctuation ("Kim Duyên", "Trần Quốc Văn"). */
export function looksLikeByline(text: string): boolean {
  const t = text.replace(/^(bài(\s+và\s+ảnh)?|tác giả|theo)\s*:?\s*/iu, '');
  if (/[\d.,;:!?()"“”]/u.test(t)) return false;
  const words = t.split(/\s+/u);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w));
}

const SOURCE_CREDIT = /^(nguồn|theo)\s*:?\s*\S.{0,60}$/iu;

/** A title line under a byline, e.g. "Chủ tịch UBND tỉnh Hưng Yên-". */
function looksLikeBylineTitle(text: string): boolean {
  return /[-–]$/u.test(text) || (/^(nguyên\s+)?(phó\s+)?(chủ tịch|giám đốc|bí thư|trưởng|tổng|phó|ths|ts|pgs|gs)\b/iu.test(text) && countWords(text) <= 12 && !/[.]$/u.test(text));
}

/**
 * The article ends at its byline: a name line after the last prose paragraph. The optional title
 * line under it is part of the byline; what follows is page chrome.
 */
function markBylineAndAfter(drafts: Draft[]) {
  const content = drafts.filter((d) => d.kind !== 'noise');
  let lastProse = -1;
  content.forEach((d, i) => {
    if (d.words >= PROSE_WORDS || /\/\.\s*$/u.test(d.text)) lastProse = i;
  });
  if (lastProse < 0) return;
  const after = content.slice(lastProse + 1);
  const byline = after.find((d) => looksLikeByline(d.text));
  if (!byline) return;
  byline.kind = 'byline';
  let next = content[content.indexOf(byline) + 1];
  // The byline's title line ("Chủ tịch UBND tỉnh ...-") and a source credit ("Nguồn: Báo An Giang") belong to it.
  while (next && (looksLikeBylineTitle(next.text) || SOURCE_CREDIT.test(next.text))) {
    next.kind = 'byline';
    next = content[content.indexOf(next) + 1];
  }
  if (!next) return;
  for (const d of drafts.slice(drafts.indexOf(next))) if (d.kind !== 'noise') setNoise(d, 'after-byline');
}

/** Photo captions: credit or source in brackets, trailing " |" layout debris, or the line under an image alt text. */
function markCaptions(drafts: Draft[]) {
  drafts.forEach((d, i) => {
    if (d.kind) return;
    const prev = drafts[i - 1];
    const underImage = prev?.reason === 'headline-repeat' && d.words < 40;
    if (underImage || /\((ảnh|nguồn|photo)\s*:[^)]*\)\s*\|?$/iu.test(d.text) || /\s\|$/u.test(d.text) || /^(ảnh|nguồn)\s*:/iu.test(d.text)) {
      d.kind = 'caption';
    }
  });
}

/** Lede = first prose paragraph; subheadings = short unpunctuated lines between paragraphs; the rest is body. */
function markStructure(drafts: Draft[], headline: Draft | null) {
  const content = drafts.filter((d) => d.kind !== 'noise');
  const lede = content.find((d) => !d.kind && (!headline || d.line > headline.line));
  if (lede) lede.kind = 'lede';
  content.forEach((d, i) => {
    if (d.kind) return;
    const next = content[i + 1];
    const short = d.words <= 15 && !/[.!?…:;,"”)]$/u.test(d.text);
    d.kind = short && next && next.words > d.words ? 'subheading' : 'body';
  });
}

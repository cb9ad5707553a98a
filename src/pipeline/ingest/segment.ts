import { noiseRules as rules } from '../../knowledge/rules.ts';
import type { Block, BlockKind } from '../../schemas/ingest.ts';
import { alternation, countWords, fold, isBlank, isWhitespaceCode } from '../../lib/text.ts';

interface Rule {
  name: string;
  pattern: RegExp;
}
const compile = (list: ReadonlyArray<{ name: string; pattern: string; flags: string }>): Rule[] =>
  list.map((r) => ({ name: r.name, pattern: new RegExp(r.pattern, r.flags) }));
const LINE_RULES = compile(rules.line);
const TAIL_RULES = compile(rules.tail);
const BEFORE_RULES = compile(rules.before);
const SECTION = new RegExp(`^(?:${alternation(rules.sections.entries)})\\s+(?=\\p{Lu})`, 'u');

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

/** What segmenting found besides the blocks: the crawl date and what was set apart from lines. */
export interface Segmented {
  blocks: Block[];
  /** Date of a leading crawl marker ("date 2025-12-04 …"), ISO, or null. */
  published: string | null;
  /** Prefixes set apart from a line's text (crawl marker, section name), for the report's notes. */
  notes: string[];
}

/**
 * Splits decoded text into non-blank lines and classifies each: headline, lede, subheading,
 * body, caption, byline, or noise (with the rule that fired). Rules describe how Vietnamese news
 * pages are laid out, not any one site.
 */
export function segment(text: string): Segmented {
  const notes: string[] = [];
  const { drafts, published } = toDrafts(text, notes);
  markLineNoise(drafts);
  markTailNoise(drafts);
  markChromeBeforeProse(drafts);

  const content = () => drafts.filter((d) => d.kind !== 'noise');
  const headline = findHeadline(content()) ?? splitGluedHeadline(drafts, notes);
  if (headline) {
    headline.kind = 'headline';
    // Many papers print the author's name between the headline and the lede.
    const after = content()[content().indexOf(headline) + 1];
    if (after && looksLikeByline(after.text)) after.kind = 'byline';
    for (const d of drafts) if (d.line < headline.line && d.kind !== 'noise') setNoise(d, 'before-headline');
    const headlineKey = textKey(headline.text);
    for (const d of drafts) {
      if (d === headline || d.kind === 'noise') continue;
      // A repeat has the headline's words, and at most "ảnh 1" more.
      if (d.words < headline.words || d.words > headline.words + 2) continue;
      // Image alt text repeats the headline, sometimes numbered ("<headline> ảnh 1"); a caption
      // that says the same as the headline ends like a sentence and stays.
      if (/[.!?…]$/u.test(d.text) && !/[.!?…]$/u.test(headline.text)) continue;
      if (textKey(d.text).replace(ALT_NUMBER, '') === headlineKey) setNoise(d, 'headline-repeat');
    }
  }
  markRepeatedLines(drafts);
  markBylineAndAfter(drafts);
  markCaptions(drafts);
  markStructure(drafts, headline);

  const blocks = drafts.map(({ line, text: t, offset, kind, reason }) => ({
    line,
    text: t,
    offset,
    kind: kind ?? 'body',
    ...(reason ? { reason } : {}),
  }));
  return { blocks, published, notes };
}

/** "… ảnh 1", "… (ảnh 2)", "… hình 3" after alt text, as a text key ends. */
const ALT_NUMBER = /\s+(?:ảnh|anh|hinh|hình|photo)\s+\d{1,2}$/u;

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Length in code points, as `[...s].length` counts (a lone surrogate is one). */
function codePoints(s: string): number {
  let n = s.length;
  // Most lines hold no character beyond the BMP: one native scan says so.
  if (!HIGH_SURROGATE.test(s)) return n;
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

/** The mark a search index's crawler leaves at the start of a dump: "date 2025-12-04 ". */
const CRAWL_MARKER = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)/u;

function toDrafts(text: string, notes: string[]): { drafts: Draft[]; published: string | null } {
  const drafts: Draft[] = [];
  let published: string | null = null;
  let offset = 0;
  text.split('\n').forEach((raw, i) => {
    const length = codePoints(raw);
    if (!isBlank(raw)) {
      // trim() removes exactly what [\s\u00a0] matches; each of those is one code point.
      let lead = raw.length - raw.trimStart().length;
      let trimmed = raw.trim();
      const marker = drafts.length === 0 ? CRAWL_MARKER.exec(trimmed) : null;
      if (marker?.[1]) {
        published = marker[1];
        notes.push(`line ${i + 1}: crawl marker "${marker[0].trim()}" set apart from the text`);
        if (marker[0].length === trimmed.length) {
          drafts.push({ line: i + 1, text: trimmed, offset: offset + lead, words: countWords(trimmed), kind: 'noise', reason: 'crawl-marker' });
          offset += length + 1;
          return;
        }
        // The marker is ASCII: its length in code units is its length in code points.
        lead += marker[0].length;
        trimmed = trimmed.slice(marker[0].length);
      }
      drafts.push({ line: i + 1, text: trimmed, offset: offset + lead, words: countWords(trimmed), kind: null });
    }
    offset += length + 1;
  });
  return { drafts, published };
}

function setNoise(d: Draft, reason: string) {
  d.kind = 'noise';
  d.reason = reason;
}

/** Page chrome is short: a paragraph longer than this is article text or a list (tail rules). */
const CHROME_MAX_WORDS = 60;

function markLineNoise(drafts: Draft[]) {
  for (const d of drafts) {
    if (d.kind === 'noise' || d.words > CHROME_MAX_WORDS) continue;
    const rule = LINE_RULES.find((r) => r.pattern.test(d.text));
    if (rule) setNoise(d, rule.name);
    else if (isRepeatedPhrase(d.text)) setNoise(d, 'repeated-heading');
    else if (isBreadcrumb(d.text)) setNoise(d, 'breadcrumb');
    else if (isTimestamp(d.text)) setNoise(d, 'timestamp');
    else if (isMenu(d.text)) setNoise(d, 'site-menu');
  }
}

/** Mastheads and site names stand before the article: there they are chrome, not content. */
function markChromeBeforeProse(drafts: Draft[]) {
  for (const d of drafts) {
    if (d.kind === 'noise') continue;
    if (isProse(d)) return;
    const rule = BEFORE_RULES.find((r) => r.pattern.test(d.text));
    if (rule) setNoise(d, rule.name);
  }
}

/*
 * A line of dates, times, weekdays and page-meta words only: "15:04 15/05/2023", "16-11-2017 17:59",
 * "09:34 | 22/08/2016 GMT+7", "Thứ Hai, 15/01/2024 09:30", "Ngày đăng: 08/11/2023 | Lượt xem: 1.874".
 */
const STAMP_COUNTER = /(?:lượt xem|lượt đọc|lượt truy cập)\s*:?\s*[\d.,]+/giu;
const STAMP_TOKEN = /\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM)(?![\p{L}]))?|\d{1,4}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?|(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2})?/giu;
const STAMP_WORDS =
  /(?<![\p{L}\p{N}])(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc)?|thời\s+gian(?:\s+đăng)?|ngày\s+xuất\s+bản|xuất\s+bản|lúc|ngày|giờ|published|updated|posted|t[2-7]|cn)(?![\p{L}\p{N}])/giu;

function isTimestamp(text: string): boolean {
  if (text.length > 120 || !/\d/u.test(text)) return false;
  const stripped = text.replace(STAMP_COUNTER, ' ');
  const tokens = stripped.match(STAMP_TOKEN);
  if (!tokens) return false;
  const rest = stripped.replace(STAMP_TOKEN, ' ').replace(STAMP_WORDS, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** "Thời sự   Chính trị   Kinh tế", "Giới thiệu | Tin tức - Sự kiện | Liên hệ", "English | 日本語 | 中文". */
function isMenu(text: string): boolean {
  if (!/[ \u00a0]{2}|[|•·]/u.test(text) || morePartsThan(text, 30)) return false;
  const parts = text.split(/[ \u00a0]{2,}|\s*[|•·]\s*/u).filter((p) => p.trim());
  if (parts.length < 3) return false;
  return parts.every((p) => countWords(p) <= 4 && !/[.!?,;:]$/u.test(p.trim()) && !/^\p{Ll}/u.test(p.trim()));
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

/** Portal templates print widget titles twice or more ("Liên kết Liên kết", "Yên Bái Yên Bái Yên Bái"). */
function isRepeatedPhrase(text: string): boolean {
  // More than 24 words cannot qualify: stop before splitting a long paragraph.
  if (morePartsThan(text, 24)) return false;
  const words = text.split(/\s+/);
  for (let times = 2; times <= 4; times++) {
    if (words.length < times || words.length % times) continue;
    const size = words.length / times;
    const first = words.slice(0, size).join(' ');
    let same = true;
    for (let k = 1; k < times && same; k++) same = words.slice(k * size, (k + 1) * size).join(' ') === first;
    if (same) return true;
  }
  return false;
}

/**
 * The same line twice or more: image alt text printed before its caption, or a caption repeated
 * under the photo. The first of two neighbouring copies is the alt text; a later copy elsewhere is
 * a repeat.
 */
function markRepeatedLines(drafts: Draft[]) {
  const content = drafts.filter((d) => d.kind !== 'noise' && d.kind !== 'headline' && d.words >= 4 && d.words <= CHROME_MAX_WORDS);
  // Two copies have as many words: only lines sharing a word count with another are compared.
  const byWords = new Map<number, number>();
  for (const d of content) byWords.set(d.words, (byWords.get(d.words) ?? 0) + 1);
  const seen = new Map<string, Draft>();
  content.forEach((d, i) => {
    if ((byWords.get(d.words) ?? 0) < 2) return;
    const key = textKey(d.text.replace(/^\|\s*|\s*\|$/gu, ''));
    const prior = seen.get(key);
    if (!prior) {
      seen.set(key, d);
      return;
    }
    if (content[i - 1] === prior && prior.kind !== 'noise') {
      setNoise(prior, 'alt-text');
      seen.set(key, d);
    } else setNoise(d, 'repeated-line');
  });
}

/** "Trang chủ > Tin tức > Đối ngoại", "Tin tức - Sự kiện » Hoạt động đối ngoại" */
function isBreadcrumb(text: string): boolean {
  if (!/[>»›]|\/\//u.test(text)) return false;
  const parts = text.split(/\s*(?:>|»|›|\/\/)\s*/u);
  return parts.length >= 2 && parts.every((p) => p.length > 0 && countWords(p) <= 5) && !/[.!?]$/u.test(text);
}

/** Two lines are the same text when these keys are equal (case, marks and punctuation ignored). */
function textKey(a: string): string {
  return fold(a).replace(/\W+/gu, ' ').trim();
}

/** A paragraph of the article: long, and finished like a sentence (or too long for a headline). */
function isProse(d: Draft): boolean {
  return d.words >= PROSE_WORDS && (/[.!?…:;]["”’)]*$/u.test(d.text) || d.words > HEADLINE_MAX_WORDS);
}

/**
 * Captions: a credit in brackets, layout bars around them, "Ảnh:" first, or the words of a photo's
 * description ("Quang cảnh buổi tiếp", "chụp ảnh lưu niệm", "(thứ hai từ trái sang)").
 */
const CAPTION_WORDS =
  /^(?:quang cảnh|toàn cảnh|các đại biểu|đại biểu dự|ảnh minh họa|ảnh minh hoạ)|chụp ảnh lưu niệm|\((?:bên |ở |đứng )?(?:phải|trái|giữa)[^)]*\)|từ (?:trái|phải) sang/iu;

function isCaptionLike(text: string): boolean {
  return (
    /\((ảnh|nguồn|photo)\s*:[^)]*\)\s*\|?$/iu.test(text) ||
    /(?:^\||\s\|)$/u.test(text) ||
    /^\|/u.test(text) ||
    /^(ảnh|nguồn)\s*:/iu.test(text) ||
    /\.\s+ảnh\s*:/iu.test(text) ||
    CAPTION_WORDS.test(text)
  );
}

/**
 * Reads as a headline: a few words to a long sentence's worth, in sentence case, not finished with
 * a period or colon, one sentence only, and not a byline, caption or bracketed note.
 */
function headlineLike(d: Draft): boolean {
  if (d.words < 4 || d.words > HEADLINE_MAX_WORDS) return false;
  if (looksLikeByline(d.text) || isCaptionLike(d.text)) return false;
  if (/[.;:,]$/u.test(d.text) || /^[(\-–—•*+|"“]/u.test(d.text)) return false;
  if (!/\p{Ll}/u.test(d.text)) return false;
  // Two sentences are a caption or a lede, not a headline ("TP." is an abbreviation).
  return !/(?<!\bTP)[.!?]\s+\p{Lu}/u.test(d.text);
}

/**
 * The headline is a line before the first prose paragraph that reads as one: chrome lines
 * (mastheads, menus, breadcrumbs, timestamps) are already noise, categories are too short, bylines
 * and captions do not qualify. Of several, the first that shares about as many words with the
 * opening paragraphs as the best one (a teaser of another story shares few); one that shares none
 * is no headline of this article. A dump that opens with prose has no printed headline.
 */
function findHeadline(content: Draft[]): Draft | null {
  const firstProse = content.findIndex(isProse);
  const candidates = (firstProse < 0 ? content : content.slice(0, firstProse)).filter(headlineLike);
  if (candidates.length === 0) return null;
  if (firstProse < 0) return candidates[0] ?? null;
  const opening = new Set(content.slice(firstProse, firstProse + 2).flatMap((d) => contentWords(d.text)));
  const shared = candidates.map((c) => contentWords(c.text).filter((w) => opening.has(w)).length);
  const best = Math.max(...shared);
  if (best === 0) return null;
  const pick = candidates[shared.findIndex((n) => n * 2 >= best)] ?? null;
  // Chosen among several: worth a look on the review page.
  if (pick && candidates.length > 1) pick.reason = 'headline-of-several';
  return pick;
}

/** Folded words that carry content: names and nouns, not the commonest function words. */
const FUNCTION_WORDS = new Set(['va', 'cua', 'voi', 'cac', 'nhung', 'tai', 'trong', 'cho', 'la', 'co', 'duoc', 'da', 'se', 'nam', 'ngay', 'thang', 'tinh', 'mot', 'hai']);
function contentWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length >= 2 && !FUNCTION_WORDS.has(w));
}

/** A dateline at the start of a lede: "ĐNO - ", "(HBĐT) – ", "LCĐT - ". */
const DATELINE = /(?:^|\s)(\(?\p{Lu}[\p{Lu}\d&.]{1,9}\)?)\s*[-–—]\s+(?=\p{Lu})/gu;

/**
 * Some dumps run the section name, the headline and the lede into the first line: "Chính trị Đưa
 * quan hệ hợp tác … vào chiều sâu ĐNO - Chiều 19/8, …". When the first article line opens with
 * prose and holds a dateline after a headline's worth of words, the words before the dateline are
 * the headline (after a known section name), and the line becomes two blocks.
 */
function splitGluedHeadline(drafts: Draft[], notes: string[]): Draft | null {
  const first = drafts.find((d) => d.kind !== 'noise');
  if (!first || !isProse(first)) return null;
  for (const m of first.text.matchAll(DATELINE)) {
    const at = m.index + (m[0].startsWith(' ') || m[0].startsWith('\u00a0') ? 1 : 0);
    let head = first.text.slice(0, at).trimEnd();
    const section = SECTION.exec(head);
    if (section) head = head.slice(section[0].length);
    const candidate: Draft = { ...first, text: head, words: countWords(head), kind: null };
    if (!headlineLike(candidate) || /[.!?]/u.test(head)) return null;
    const headStart = section ? section[0].length : 0;
    const rest = first.text.slice(at);
    const i = drafts.indexOf(first);
    const headline: Draft = {
      ...candidate,
      offset: first.offset + codePoints(first.text.slice(0, headStart)),
      kind: 'headline',
      reason: 'headline-run-into-lede',
    };
    const lede: Draft = { ...first, text: rest, words: countWords(rest), offset: first.offset + codePoints(first.text.slice(0, at)) };
    drafts.splice(i, 1, headline, lede);
    if (section) notes.push(`line ${first.line}: section name "${section[0].trim()}" set apart from the headline`);
    return headline;
  }
  return null;
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
    const underImage = (prev?.reason === 'headline-repeat' || prev?.reason === 'image-placeholder' || prev?.reason === 'alt-text') && d.words < 40;
    // Captions are short: a paragraph is not looked at.
    if (underImage || (d.words <= CHROME_MAX_WORDS && isCaptionLike(d.text))) d.kind = 'caption';
  });
}

/** Lede = first prose paragraph; subheadings = short unpunctuated lines between paragraphs; the rest is body. */
function markStructure(drafts: Draft[], headline: Draft | null) {
  const content = drafts.filter((d) => d.kind !== 'noise');
  const lede = content.slice(headline ? content.indexOf(headline) + 1 : 0).find((d) => !d.kind);
  if (lede) lede.kind = 'lede';
  content.forEach((d, i) => {
    if (d.kind) return;
    const next = content[i + 1];
    const short = d.words <= 15 && !/[.!?…:;,"”)]$/u.test(d.text);
    d.kind = short && next && next.words > d.words ? 'subheading' : 'body';
  });
}

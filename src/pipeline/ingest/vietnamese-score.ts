/** Marks that build Vietnamese letters: the five tones, and the hat, breve and horn. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const HAT = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Which base vowels may carry each vowel mark: â ê ô, ă, ơ ư. */
const MARK_BASES: Record<string, string> = { [HAT]: 'aeo', [BREVE]: 'a', [HORN]: 'ou' };

/*
 * A Vietnamese syllable: initial consonant, vowel cluster, final consonant (Đoàn Thiện Thuật,
 * "Ngữ âm tiếng Việt"; the spelling rules as taught in Vietnamese schools). The lists are written
 * loosely (any final after any cluster): the aim is to reject wrong-code-page debris such as
 * "Hßa", "Vieät" or "ÑÇng", not to police spelling.
 */
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const CLUSTER =
  '(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|[aăâeêioôơuưy])';
const FINAL = '(?:ch|nh|ng|[cmnptk])?'; // k: Tây Nguyên names (Đắk Lắk)
const SYLLABLE = new RegExp(`^${INITIAL}${CLUSTER}${FINAL}$`, 'u');

/**
 * True when the word is one well-formed Vietnamese syllable: each mark sits on a vowel that can
 * carry it, at most one tone, and the letters follow initial + vowel cluster + final.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tones = 0;
  let previous = '';
  let bare = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONE_MARKS.has(ch)) {
      if (!VOWELS.has(previous)) return false;
      tones++;
    } else if (ch in MARK_BASES) {
      if (!MARK_BASES[ch]?.includes(previous)) return false;
      bare += ch;
    } else if (/[a-zđ]/.test(ch)) {
      previous = ch;
      bare += ch;
    } else {
      return false;
    }
  }
  return tones <= 1 && SYLLABLE.test(bare.normalize('NFC'));
}

/** Words of a text: runs between spaces, digits and punctuation. */
const WORD = /[^\s\d.,;:!?()"'“”‘’\-–—/\\[\]{}<>|*#+=_%&@$^~`…]+/gu;

/** Counts of non-ASCII words and of those that are well-formed Vietnamese syllables. */
export function vietnameseWords(text: string): { total: number; valid: number } {
  let total = 0;
  let valid = 0;
  for (const word of text.match(WORD) ?? []) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    total++;
    if (isVietnameseSyllable(word)) valid++;
  }
  return { total, valid };
}

/**
 * Share (0..1) of the non-ASCII words of a text that are well-formed Vietnamese. A wrong code page
 * turns "Hòa Bình" into "Hßa B×nh" or puts marks on the wrong letters: its score drops sharply.
 */
export function vietnameseScore(text: string): number {
  const { total, valid } = vietnameseWords(text);
  return total === 0 ? 0 : valid / total;
}

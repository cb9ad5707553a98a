/** Marks that build Vietnamese letters: the five tones, and the hat, breve and horn. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031b']);

/** True when every character of the word is a letter of the Vietnamese alphabet (or plain Latin) with at most one tone. */
function isVietnameseWord(word: string): boolean {
  let tones = 0;
  for (const ch of word.normalize('NFD')) {
    if (TONE_MARKS.has(ch)) tones++;
    else if (VOWEL_MARKS.has(ch)) continue;
    else if (!/[a-zA-ZđĐ]/.test(ch)) return false;
  }
  return tones <= 1;
}

/**
 * Share (0..1) of the non-ASCII words of a text that are well-formed Vietnamese. A wrong code page
 * turns "Hòa Bình" into "Hßa B×nh": the score of a wrong decoding drops sharply.
 */
export function vietnameseScore(text: string): number {
  let total = 0;
  let valid = 0;
  for (const word of text.match(/[^\s\d.,;:!?()"'“”‘’\-–—/\\[\]{}<>|*#+=_%&@$^~`]+/gu) ?? []) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    total++;
    if (isVietnameseWord(word)) valid++;
  }
  return total === 0 ? 0 : valid / total;
}

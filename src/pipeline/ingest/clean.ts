export interface Cleaned {
  text: string;
  notes: string[];
}

/*
 * Characters that are never content: C0/C1 controls other than tab and newline, zero-width
 * characters, and bidi embedding/override/isolate controls (they can reorder what a reader sees).
 * Right-to-left letters themselves are kept.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/gu;

/** Text → NFC, `\n` line ends, tabs as spaces, no control or invisible characters; every change is noted. */
export function clean(input: string): Cleaned {
  const notes: string[] = [];
  let text = input;

  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  if (crlf || cr) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push(`line ends converted to \\n (${crlf} CRLF, ${cr} CR)`);
  }
  text = strip(text, CONTROL, 'control characters (NUL and others)', notes);
  text = strip(text, INVISIBLE, 'zero-width or soft-hyphen characters', notes);
  text = strip(text, BIDI, 'bidirectional control characters', notes);
  if (text.includes('\t')) {
    text = text.replace(/\t/g, ' ');
    notes.push('tabs replaced by spaces');
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    notes.push('normalised to Unicode NFC (the file had decomposed characters)');
    text = nfc;
  }
  return { text, notes };
}

function strip(text: string, pattern: RegExp, what: string, notes: string[]): string {
  const count = (text.match(pattern) ?? []).length;
  if (!count) return text;
  notes.push(`${count} ${what} removed`);
  return text.replace(pattern, '');
}

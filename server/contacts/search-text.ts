/**
 * Accent- and case-insensitive search text for the media list.
 *
 * The database compares bytes (SQLite LIKE folds ASCII case only, PostgreSQL
 * LIKE none), so both sides of a search are folded here instead: the stored
 * `searchText` column and the query typed by the press officer. The same
 * function on both sides is what makes "muller" find "Müller".
 */

/**
 * Letters that NFKD leaves alone (they are letters in their own right, not a
 * base letter plus a mark) but that people type without the stroke, ligature
 * or special form. Applied after lowercasing, so only lowercase keys.
 */
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i', // dotless i (Turkish, Azerbaijani)
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ƒ: 'f',
  ɨ: 'i',
  // toLowerCase turns Σ into ς at the end of a word, so the query "ΝΙΚΟΣ"
  // would not be a prefix of the stored "νικοσταθης" without this.
  ς: 'σ',
  // Typographic punctuation that keyboards and word processors substitute.
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
};

const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join('')}]`, 'gu');

/**
 * Folds text for comparison: lowercase, compatibility-decomposed (NFKD, so
 * full-width "Ａ" is "a" and "ﬁ" is "fi"), combining marks removed ("é" → "e",
 * "İ" → "i"), letters NFKD does not decompose mapped to their plain form
 * ("ß" → "ss", "ø" → "o", "ł" → "l", "æ" → "ae", "œ" → "oe", "đ" → "d"), curly
 * quotes and dashes made plain, white space collapsed to single spaces and
 * trimmed. Other punctuation and non-Latin scripts are kept as they are.
 *
 * Guarantees: idempotent (`foldForSearch(foldForSearch(x)) === foldForSearch(x)`) and
 * the same result for the NFC and NFD spellings of the same text.
 */
export function foldForSearch(text: string): string {
  // Decompose before and after lowercasing: compatibility forms such as "ᴬ"
  // decompose to capitals, and lowercasing "İ" yields "i" plus a mark.
  return removeMarks(removeMarks(text).toLowerCase())
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter)
    .replace(/\s+/gu, ' ')
    .trim();
}

function removeMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

export interface ContactSearchFields {
  name: string;
  emails?: readonly string[];
  outlet?: string | null;
  role?: string | null;
  tags?: readonly string[];
}

/**
 * The one string stored in `MediaContact.searchText`: the folded name, emails,
 * outlet, role and tags, as space-separated words without repeats.
 *
 * Guarantees: every word of those fields, and every letter-or-digit run inside
 * a word with punctuation ("muller-lukasiewicz" → "muller", "lukasiewicz";
 * "camille.dufour@example.org" → "camille", "dufour", "example", "org"), starts
 * either the string or right after a space. So a word-prefix search is
 * `searchText LIKE 'q%' OR searchText LIKE '% q%'` with `q = foldForSearch(query)`,
 * and "lukas" finds "Zoë Müller-Łukasiewicz". Same input, same output.
 */
export function buildContactSearchText(fields: ContactSearchFields): string {
  const sources = [fields.name, ...(fields.emails ?? []), fields.outlet ?? '', fields.role ?? '', ...(fields.tags ?? [])];
  const words = new Set<string>();
  for (const source of sources) {
    for (const word of foldForSearch(source).split(' ')) {
      if (word === '') continue;
      words.add(word);
      // Parts of a hyphenated name, an email or "o'brien", so each can be searched from its start.
      for (const part of word.split(/[^\p{L}\p{N}]+/u)) {
        if (part !== '') words.add(part);
      }
    }
  }
  return [...words].join(' ');
}

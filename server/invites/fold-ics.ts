/**
 * Octet-correct line folding for iCalendar text (RFC 5545 §3.1).
 *
 * RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding
 * the line break. Long content lines SHOULD be split into a multiple line
 * representations using a line 'folding' technique. That is, a long line can be
 * split between any two characters by inserting a CRLF immediately followed by
 * a single linear white-space character." Unfolding removes each CRLF together
 * with the one white-space character that follows it.
 *
 * Why we do this ourselves: `ics` 3.12 folds by counting characters, not octets
 * (so a line of accented text or emoji reaches 138+ octets), and continues with
 * a TAB. Strict consumers reject or mangle such lines, and a client that folds
 * at a byte boundary in the middle of a UTF-8 sequence corrupts the character.
 * Here a line is cut only between code points, so every physical line is valid
 * UTF-8 on its own, and the continuation space counts towards the 75 octets.
 */

/** RFC 5545 §3.1: at most 75 octets per physical line, excluding the CRLF. */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';
/** The single white-space character that starts a continuation line. */
const FOLD_INDENT = ' ';

/** A CRLF (or a bare LF from a sloppy producer) followed by one SPACE or HTAB. */
const FOLD_PATTERN = /\r?\n[ \t]/g;

/**
 * Unfolds iCalendar text into its logical content lines (RFC 5545 §3.1):
 * removes every line break that is immediately followed by one space or tab,
 * together with that one white-space character, then splits on CRLF.
 * A trailing CRLF does not produce an empty last line.
 *
 * Throws `RangeError` if a bare CR or LF remains after unfolding, because such
 * text has no unambiguous line structure.
 */
export function unfoldContentLines(text: string): string[] {
  const unfolded = text.replace(FOLD_PATTERN, '');
  const lines = unfolded.split(CRLF);
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    if (line.includes('\r') || line.includes('\n')) {
      throw new RangeError('iCalendar text contains a bare CR or LF that is not part of a CRLF line break');
    }
  }
  return lines;
}

/**
 * How far (in code points) a fold may move back from the 75-octet limit to
 * find a cut that naive unfolders cannot damage (see `isRiskyCut`). Small, so
 * lines stay close to full; if no good cut is that near, we cut at the limit.
 */
const MAX_FOLD_BACKTRACK = 8;

/**
 * Folds one logical content line into physical lines joined by CRLF (no
 * trailing CRLF). Guarantees: every physical line is at most 75 octets of UTF-8
 * (continuation lines include their leading space in the count); a cut never
 * falls inside a code point, so each physical line decodes as UTF-8 on its own;
 * unfolding the result per RFC 5545 §3.1 gives back `line` exactly.
 *
 * Throws `RangeError` if `line` contains CR or LF: a logical line must never
 * carry a line break, or the text after it would become a new property.
 */
export function foldContentLine(line: string): string {
  if (line.includes('\r') || line.includes('\n')) {
    throw new RangeError('A content line must not contain CR or LF');
  }
  // Array.from splits by code point, so surrogate pairs (emoji, rare CJK) stay together.
  const characters = Array.from(line);
  const physicalLines: string[] = [];
  let start = 0;
  while (start < characters.length) {
    const indent = physicalLines.length === 0 ? '' : FOLD_INDENT;
    let end = start;
    let octets = indent.length;
    while (end < characters.length && octets + countUtf8Octets(characters[end]!) <= MAX_LINE_OCTETS) {
      octets += countUtf8Octets(characters[end]!);
      end += 1;
    }
    if (end < characters.length) {
      end = chooseCut(characters, start, end);
    }
    physicalLines.push(indent + characters.slice(start, end).join(''));
    start = end;
  }
  return physicalLines.join(CRLF);
}

/**
 * Moves a cut at `limit` back a little if that avoids a risky position; never
 * to `start` or before, so every physical line makes progress.
 */
function chooseCut(characters: string[], start: number, limit: number): number {
  for (let cut = limit; cut > start + 1 && cut > limit - MAX_FOLD_BACKTRACK; cut -= 1) {
    if (!isRiskyCut(characters[cut - 1]!, characters[cut]!)) return cut;
  }
  return limit;
}

/**
 * A cut is correct anywhere between code points (RFC 5545 §3.1), but some
 * consumers unfold sloppily: they trim the end of each physical line, strip
 * all leading white space from a continuation, or unescape physical lines one
 * by one. We avoid cutting next to white space and right after a TEXT escape
 * `\` or an RFC 6868 `^`, so those consumers still read the value intact.
 */
function isRiskyCut(before: string, after: string): boolean {
  return before === ' ' || before === '\t' || after === ' ' || after === '\t' || before === '\\' || before === '^';
}

/**
 * Unfolds iCalendar text and folds it again at 75 octets per physical line,
 * with CRLF line ends only and a final CRLF. The logical content is unchanged.
 * Throws `RangeError` on a bare CR or LF (see `unfoldContentLines`).
 */
export function refoldIcs(text: string): string {
  return unfoldContentLines(text).map(foldContentLine).join(CRLF) + CRLF;
}

/**
 * UTF-8 length of one code point. A lone surrogate is counted as 3 octets,
 * which is what `TextEncoder` writes for it (U+FFFD).
 */
function countUtf8Octets(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

import { sanitizeText } from '../invites/sanitize-text';

/**
 * A subject, display name or other one-line header text longer than this is a
 * data-entry accident; RFC 5322 §2.1.1 asks for lines of at most 78
 * characters, and nodemailer folds encoded words, so this only bounds size.
 */
export const MAX_HEADER_TEXT_LENGTH = 200;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): harmless in a body, but in a subject or display name they
 * make the text show differently from what it says.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C1 controls; U+0085 (NEL) is a line break to some parsers. */
const C1_CONTROLS = /[\u0080-\u009F]/g;

/**
 * Makes user text safe for one header line (Subject, a display name): every
 * CR, LF, CRLF, NEL, U+2028/U+2029, tab and run of white space becomes one
 * space, control and bidi-override characters are removed, lone surrogates
 * become U+FFFD, and the result is trimmed and cut to `maxLength` characters
 * (with "…", never inside a surrogate pair).
 *
 * Guarantee: the result contains no CR or LF, so it cannot start a header of
 * its own, whatever nodemailer does with it afterwards (it encodes too; this is
 * the second lock on the door, DESIGN.md rule 7).
 */
export function sanitizeHeaderText(value: string, maxLength = MAX_HEADER_TEXT_LENGTH): string {
  const singleLine = sanitizeText(value)
    .replace(C1_CONTROLS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncateText(singleLine, maxLength);
}

/**
 * Cuts `text` to at most `maxLength` UTF-16 code units, ending in "…" when
 * cut, without splitting a surrogate pair. Short text is returned unchanged.
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

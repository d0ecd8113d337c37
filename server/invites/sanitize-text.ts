/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes user text safe to hand to an iCalendar TEXT escaper or a URL encoder: lone surrogates become U+FFFD
 * (so the UTF-8 is valid), every CR, LF, CRLF, U+2028 and U+2029 becomes one LF
 * (which is then escaped as `\n`; U+2028/9 are line terminators for JavaScript
 * parsers such as node-ical, which would otherwise drop the whole property),
 * and the remaining CONTROL characters, which RFC 5545 §3.3.11 excludes from
 * TEXT, are removed. HTAB is kept: it is allowed in TEXT and parameter values.
 */
export function sanitizeText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

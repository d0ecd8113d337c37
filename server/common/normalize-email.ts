// One key per mailbox for per-address limits. People (and scripts) write one
// mailbox many ways: case, a "+tag" after the local part ("dana+1@…", which
// most providers deliver to "dana@…"), and at Gmail any dots in the local
// part and the googlemail.com domain. Counting each spelling separately would
// let one sender multiply every per-address limit, and let anyone send the
// acknowledgement email to one victim's mailbox over and over.
//
// Only for limits and counting, never for storing or sending: the address is
// still written and mailed as the person typed it.

/** Domains that ignore dots in the local part and are one mailbox system. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The limit key of an address: lowercased, `+tag` removed from the local part,
 * and for Gmail dots removed and googlemail.com read as gmail.com. Pure; an
 * input without "@" is returned trimmed and lowercased.
 */
export function normalizeEmailForLimits(address: string): string {
  const lowered = address.trim().toLowerCase();
  const at = lowered.lastIndexOf('@');
  if (at <= 0) return lowered;
  let local = lowered.slice(0, at);
  let domain = lowered.slice(at + 1).replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\./g, '') || local;
  }
  return `${local}@${domain}`;
}

/**
 * vCard 4.0 (RFC 6350) export and a lenient vCard 2.1/3.0/4.0 import for the
 * media list.
 *
 * What we write, property by property, and why:
 * - FN is the name as the press office keeps it; N is derived from it
 *   (last word is the family name, with "van", "de", "von"… kept with it),
 *   because vCard 3.0 readers require N and Apple Contacts sorts by it. On
 *   import FN wins; N is only used when a card has no FN (old 2.1 exports).
 * - EMAIL, TEL and LANG carry PREF=1..n in our order, so the first is primary
 *   in every client and the order survives a round trip.
 * - TEL is a tel: URI (`TEL;VALUE=uri;TYPE=cell:tel:+41780000000`), as RFC 6350
 *   §6.4.1 recommends; a stored number that is somehow not E.164 is written as
 *   VALUE=text rather than dropped.
 * - WhatsApp: `IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/41780000000`. IMPP
 *   (RFC 6350 §6.4.3) is the property for messaging addresses and takes a URI;
 *   there is no registered whatsapp: scheme for a number, while wa.me is
 *   WhatsApp's documented click-to-chat link, so the value works when clicked
 *   in any client; X-SERVICE-TYPE is the Apple/Google label for the service.
 *   Import also reads X-WHATSAPP, whatsapp: URIs and a TEL labelled WhatsApp.
 * - Country: `ADR;CC=CH:;;;;;;Switzerland`. The ADR country-name component is
 *   free text for people, so the English name goes there, and the ISO 3166
 *   code goes in the CC parameter (RFC 8605 §3.1), which needs no name lookup
 *   to read back. An X- property would be invisible to every other client.
 *   Import reads CC, Apple's X-ABADR code, a two-letter country component,
 *   or a country name in English, French, German, Spanish or Italian.
 * - TZ;VALUE=text with the IANA name (RFC 6350 §6.5.1 allows text); UTC-offset
 *   zones from older cards are ignored on import, because an offset is not a
 *   zone (it is wrong half the year).
 * - UID: a UUID id is written as `urn:uuid:…`, a URI as is, any other id (our
 *   cuids) as `UID;VALUE=text:…`; on import `urn:uuid:` is removed again. A
 *   contact without an id gets a random UUID. REV is the contact's updatedAt
 *   (whole seconds, UTC), or the export time.
 * - Text is sanitised (no control characters, CR and U+2028/9 become LF) and
 *   escaped per RFC 6350 §3.4 (`\\`, `\,`, `\;`, `\n`); lines end in CRLF and
 *   are folded at 75 octets without splitting a UTF-8 character, with the
 *   same folding code as our invites (RFC 6350 §3.2 uses RFC 5545's rule).
 *
 * Import is all-or-nothing per card: a card either becomes a contact exactly
 * as written or is reported with every problem found in it (no name, a phone
 * number `normalizePhone` refuses, an address that is not an email, a
 * language that is not a BCP 47 tag, a card never closed). A bad card never
 * stops the others, and no contact is silently missing a number its card had.
 * Fax, pager and textphone-only numbers are skipped: they are not channels an
 * interview request uses.
 */
import { randomUUID } from 'node:crypto';
import { timeZoneSchema } from '../common/schema';
import { foldContentLine, unfoldContentLines } from '../invites/fold-ics';
import { sanitizeText } from '../invites/sanitize-text';
import { DEFAULT_PRODUCT_ID } from '../invites/schema';
import { normalizePhone, type CountryCode } from './normalize-phone';
import { foldForSearch } from './search-text';

export const phoneKinds = ['cell', 'work', 'home', 'voice'] as const;
export type PhoneKind = (typeof phoneKinds)[number];

export interface VCardPhone {
  /** E.164, e.g. "+41780000000". */
  e164: string;
  kind: PhoneKind;
}

/** A media contact as it travels in a vCard. */
export interface VCardContact {
  /** Stable id: our contact id on export; the card's UID (without urn:uuid:) on import. */
  uid?: string;
  name: string;
  /** The first is the primary address. */
  emails: string[];
  /** The first is the primary number. */
  phones: VCardPhone[];
  /** E.164. */
  whatsapp?: string;
  outlet?: string;
  /** Role or beat. */
  role?: string;
  /** BCP 47 tags, most preferred first. */
  languages: string[];
  /** IANA zone name. */
  timeZone?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  notes?: string;
  tags: string[];
  /** When the contact last changed (REV); whole seconds. */
  updatedAt?: Date;
}

export interface ParsedVCardContact extends VCardContact {
  /** 0-based position of the card in the file. */
  index: number;
}

export interface VCardParseError {
  /** 0-based position of the card in the file. */
  index: number;
  /** The card's name when it has one, so the person can find it. */
  name?: string;
  message: string;
}

export interface ExportVCardOptions {
  /** REV for contacts without `updatedAt`; defaults to the current time. */
  now?: Date;
}

export interface ParseVCardsOptions {
  /** Country for numbers written without a country code, when the card's own address gives none. */
  defaultCountry?: CountryCode;
}

const CRLF = '\r\n';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164_SYNTAX = /^\+[1-9]\d{1,14}$/;
const URI_PATTERN = /^[a-z][a-z0-9+.-]*:\S+$/i;
/** Visible characters only: a language tag or country code can then never end its parameter or line. */
const LANGUAGE_TAG_PATTERN = /^[A-Za-z0-9-]{1,35}$/;
const COUNTRY_CODE_PATTERN = /^[A-Za-z]{2}$/;
/** A deliberately loose check: the address has one @ and a dotted domain; the contacts schema is stricter. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
/** Family-name particles that belong to the family name in N ("Ludwig van Beethoven" → "van Beethoven"). */
const FAMILY_NAME_PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'dos', 'das', 'du',
  'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y',
]);
/** Google Contacts' built-in group on every exported card; not a tag anyone chose. */
const SYSTEM_CATEGORIES = new Set(['mycontacts']);

const englishRegionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/**
 * Writes one or more contacts as vCard 4.0, one card after the other.
 *
 * Guarantees: CRLF line ends, including after the last card; every physical
 * line at most 75 octets of UTF-8 and never split inside a character; no
 * user text can end a property or start a new one (it is sanitised and
 * escaped); `parseVCards(exportVCard(c))` gives back `c` (see the file comment
 * for UID, REV and text sanitising).
 */
export function exportVCard(contacts: VCardContact | readonly VCardContact[], options: ExportVCardOptions = {}): string {
  const list: readonly VCardContact[] = Array.isArray(contacts) ? contacts : [contacts as VCardContact];
  const now = options.now ?? new Date();
  return list.map((contact) => formatCard(contact, now)).join('');
}

function formatCard(contact: VCardContact, now: Date): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `PRODID:${DEFAULT_PRODUCT_ID}`, formatUid(contact.uid ?? randomUUID())];
  lines.push(`FN:${escapeText(contact.name)}`, `N:${splitName(contact.name).map(escapeText).join(';')}`);
  contact.emails.forEach((email, position) => lines.push(`EMAIL;PREF=${position + 1}:${escapeText(email)}`));
  contact.phones.forEach(({ e164, kind }, position) => {
    const type = (phoneKinds as readonly string[]).includes(kind) ? kind : 'voice';
    lines.push(
      E164_SYNTAX.test(e164)
        ? `TEL;VALUE=uri;PREF=${position + 1};TYPE=${type}:tel:${e164}`
        : `TEL;VALUE=text;PREF=${position + 1};TYPE=${type}:${escapeText(e164)}`,
    );
  });
  if (contact.whatsapp) {
    lines.push(
      E164_SYNTAX.test(contact.whatsapp)
        ? `IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/${contact.whatsapp.slice(1)}`
        : `X-WHATSAPP:${escapeText(contact.whatsapp)}`,
    );
  }
  if (contact.outlet) lines.push(`ORG:${escapeText(contact.outlet)}`);
  if (contact.role) lines.push(`TITLE:${escapeText(contact.role)}`);
  contact.languages
    .filter((tag) => LANGUAGE_TAG_PATTERN.test(tag))
    .forEach((tag, position) => lines.push(`LANG;PREF=${position + 1}:${tag}`));
  if (contact.timeZone) lines.push(`TZ;VALUE=text:${escapeText(contact.timeZone)}`);
  if (contact.country) {
    const code = contact.country.toUpperCase();
    const name = COUNTRY_CODE_PATTERN.test(code) ? englishRegionNames.of(code) : undefined;
    lines.push(name ? `ADR;CC=${code}:;;;;;;${escapeText(name)}` : `ADR:;;;;;;${escapeText(contact.country)}`);
  }
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  lines.push(`REV:${formatTimestamp(contact.updatedAt ?? now)}`, 'END:VCARD');
  return lines.map(foldContentLine).join(CRLF) + CRLF;
}

function formatUid(uid: string): string {
  if (UUID_PATTERN.test(uid)) return `UID:urn:uuid:${uid}`;
  if (URI_PATTERN.test(uid) && !/[\\,;]/.test(uid)) return `UID:${uid}`;
  return `UID;VALUE=text:${escapeText(uid)}`;
}

/** RFC 6350 §3.4 TEXT escaping, after removing what may not appear in a content line at all. */
function escapeText(value: string): string {
  return sanitizeText(value).replace(/[\\,;\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/** N components: family; given; additional; prefixes; suffixes. A best effort from one name field. */
function splitName(name: string): [string, string, string, string, string] {
  const words = name.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length < 2) return [name.trim(), '', '', '', ''];
  let familyStart = words.length - 1;
  while (familyStart > 1 && FAMILY_NAME_PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart -= 1;
  return [words.slice(familyStart).join(' '), words.slice(0, familyStart).join(' '), '', '', ''];
}

/** RFC 6350 §4.3.5 timestamp, UTC: 20201031T080000Z. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

// ——— import ———

interface ContentLine {
  /** Apple's "item1." grouping prefix, lowercased; ties a TEL to its X-ABLabel. */
  group: string | undefined;
  /** Upper-cased property name. */
  name: string;
  /** Upper-cased parameter name → values as written (quotes removed, RFC 6868 decoded). */
  parameters: ReadonlyMap<string, string[]>;
  /** The raw value, still escaped. */
  value: string;
}

interface RawCard {
  /** Content lines by property name, in file order; reading a card never rescans it. */
  linesByName: Map<string, ContentLine[]>;
  closed: boolean;
}

/**
 * Reads every card in a .vcf file: vCard 4.0, 3.0 (Apple Contacts, Google
 * Contacts) and 2.1 (Android, with quoted-printable), with or without a byte
 * order mark, with CRLF, LF or CR line ends, folded or not.
 *
 * Guarantees: every card appears either in `contacts` or, with every problem
 * found in it, in `errors` (never both, never neither; errors of one card are
 * consecutive and in file order); a bad card never affects another; phone
 * numbers are E.164 (read with `normalizePhone`, using the card's own country
 * for national numbers, else `defaultCountry`); languages are canonical BCP 47
 * tags; duplicates (emails case-insensitively, phones, tags, languages) are
 * kept once. Text that contains no BEGIN:VCARD gives one error with index 0.
 * Never throws.
 */
export function parseVCards(
  text: string,
  options: ParseVCardsOptions = {},
): { contacts: ParsedVCardContact[]; errors: VCardParseError[] } {
  const cards = splitCards(text);
  const contacts: ParsedVCardContact[] = [];
  const errors: VCardParseError[] = [];
  if (cards.length === 0 && text.replace(/^\uFEFF/, '').trim() !== '') {
    errors.push({ index: 0, message: 'This is not a vCard file: it has no BEGIN:VCARD' });
  }
  cards.forEach((card, index) => {
    const result = readCard(card, options);
    if ('contact' in result) contacts.push({ ...result.contact, index });
    else {
      const about = result.name ? { index, name: result.name } : { index };
      for (const message of result.problems) errors.push({ ...about, message });
    }
  });
  return { contacts, errors };
}

/**
 * parseVCards for large files in the server process: the same result, the
 * cards read in slices that let other requests run in between (`pause`);
 * `onCard` is told how many cards were read of how many.
 */
export async function parseVCardsInSlices(
  text: string,
  options: ParseVCardsOptions & { pause: () => Promise<void>; onCard?: (count: number, total: number) => void },
): Promise<{ contacts: ParsedVCardContact[]; errors: VCardParseError[] }> {
  await options.pause();
  const cards = splitCards(text);
  await options.pause();
  const contacts: ParsedVCardContact[] = [];
  const errors: VCardParseError[] = [];
  if (cards.length === 0 && text.replace(/^\uFEFF/, '').trim() !== '') {
    errors.push({ index: 0, message: 'This is not a vCard file: it has no BEGIN:VCARD' });
  }
  for (const [index, card] of cards.entries()) {
    await options.pause();
    if (index % 1_000 === 0) options.onCard?.(index, cards.length);
    const result = readCard(card, options);
    if ('contact' in result) contacts.push({ ...result.contact, index });
    else {
      const about = result.name ? { index, name: result.name } : { index };
      for (const message of result.problems) errors.push({ ...about, message });
    }
  }
  return { contacts, errors };
}

function splitCards(text: string): RawCard[] {
  const withoutMark = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // unfoldContentLines expects CRLF; files from Unix tools use LF, very old Macs CR.
  const logicalLines = joinQuotedPrintableLines(unfoldContentLines(withoutMark.replace(/\r\n|\r|\n/g, CRLF)));
  const cards: RawCard[] = [];
  let current: RawCard | undefined;
  for (const logicalLine of logicalLines) {
    const line = parseContentLine(logicalLine);
    if (!line) continue; // blank or malformed: nothing we could read from it
    if (line.name === 'BEGIN' && line.value.trim().toUpperCase() === 'VCARD') {
      current = { linesByName: new Map(), closed: false };
      cards.push(current);
    } else if (line.name === 'END' && line.value.trim().toUpperCase() === 'VCARD') {
      if (current) current.closed = true;
      current = undefined;
    } else if (current) {
      const sameName = current.linesByName.get(line.name);
      if (sameName) sameName.push(line);
      else current.linesByName.set(line.name, [line]);
    }
  }
  return cards;
}

/**
 * vCard 2.1 quoted-printable values continue on the next line after a soft
 * line break "=" at the end, without the leading space of ordinary folding.
 */
function joinQuotedPrintableLines(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && isQuotedPrintable(previous) && previous.endsWith('=')) {
      joined[joined.length - 1] = previous.slice(0, -1) + line;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function isQuotedPrintable(line: string): boolean {
  const head = line.slice(0, line.indexOf(':') + 1);
  return /;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(head);
}

const NAME_PATTERN = /(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)/y;
const PARAMETER_NAME_PATTERN = /[A-Za-z0-9-]+/y;
/** vCard 2.1 writes encodings as bare parameters ("TEL;CELL;ENCODING…" or just ";QUOTED-PRINTABLE"). */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);

/** `[group.]name *(;param[=value *(,value)]) : value`, with quoted parameter values (RFC 6350 §3.3). */
function parseContentLine(line: string): ContentLine | undefined {
  NAME_PATTERN.lastIndex = 0;
  const nameMatch = NAME_PATTERN.exec(line);
  if (!nameMatch) return undefined;
  let position = nameMatch[0].length;
  // Most lines have no parameters; sharing one empty map keeps a large import's garbage down.
  const group = nameMatch[1]?.toLowerCase();
  const name = nameMatch[2]!.toUpperCase();
  if (line[position] === ':') return { group, name, parameters: NO_PARAMETERS, value: line.slice(position + 1) };
  const parameters = new Map<string, string[]>();
  while (line[position] === ';') {
    PARAMETER_NAME_PATTERN.lastIndex = position + 1;
    const parameterMatch = PARAMETER_NAME_PATTERN.exec(line);
    if (!parameterMatch) return undefined;
    const parameterName = parameterMatch[0].toUpperCase();
    position = PARAMETER_NAME_PATTERN.lastIndex;
    if (line[position] !== '=') {
      // 2.1 style bare parameter: "TEL;CELL;VOICE:…".
      addParameter(parameters, BARE_ENCODINGS.has(parameterName) ? 'ENCODING' : 'TYPE', [parameterName]);
      continue;
    }
    position += 1;
    const values: string[] = [];
    for (;;) {
      if (line[position] === '"') {
        const closing = line.indexOf('"', position + 1);
        if (closing === -1) return undefined;
        values.push(decodeParameterValue(line.slice(position + 1, closing)));
        position = closing + 1;
      } else {
        let end = position;
        while (end < line.length && line[end] !== ',' && line[end] !== ';' && line[end] !== ':') end += 1;
        values.push(decodeParameterValue(line.slice(position, end)));
        position = end;
      }
      if (line[position] !== ',') break;
      position += 1;
    }
    addParameter(parameters, parameterName, values);
  }
  if (line[position] !== ':') return undefined;
  return { group, name, parameters, value: line.slice(position + 1) };
}

const NO_PARAMETERS: ReadonlyMap<string, string[]> = new Map();

function addParameter(parameters: Map<string, string[]>, name: string, values: string[]): void {
  const known = parameters.get(name);
  if (known) known.push(...values);
  else parameters.set(name, values);
}

/** RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret. */
function decodeParameterValue(value: string): string {
  return value.replace(/\^([n'^])/g, (_, code: string) => (code === 'n' ? '\n' : code === "'" ? '"' : '^'));
}

/** Lowercased TYPE values, with "cell,voice" inside one quoted value split too. */
function readTypes(line: ContentLine): Set<string> {
  const types = new Set<string>();
  for (const value of line.parameters.get('TYPE') ?? []) {
    for (const type of value.split(',')) if (type.trim() !== '') types.add(type.trim().toLowerCase());
  }
  return types;
}

/** PREF=1 is most preferred (RFC 6350 §5.3); 3.0's TYPE=pref counts as 1; no preference sorts last. */
function readPreference(line: ContentLine): number {
  const preference = Number(line.parameters.get('PREF')?.[0]);
  if (Number.isInteger(preference) && preference >= 1 && preference <= 100) return preference;
  return readTypes(line).has('pref') ? 1 : 101;
}

/** The card's lines with that name, most preferred first, file order otherwise (Array.sort is stable). */
function linesNamed(card: RawCard, name: string): ContentLine[] {
  const lines = card.linesByName.get(name) ?? [];
  return lines.length < 2 ? lines : [...lines].sort((a, b) => readPreference(a) - readPreference(b));
}

/** The card's lines with that name in file order. */
function linesInOrder(card: RawCard, name: string): ContentLine[] {
  return card.linesByName.get(name) ?? [];
}

/** The value as text: quoted-printable decoded (2.1), then RFC 6350 §3.4 escapes undone. */
function readText(line: ContentLine): string {
  return unescapeText(decodeTransferEncoding(line));
}

const utf8Encoder = new TextEncoder();

function decodeTransferEncoding(line: ContentLine): string {
  const encoding = line.parameters.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding !== 'QUOTED-PRINTABLE') return line.value;
  const { value } = line;
  const bytes: number[] = [];
  for (let position = 0; position < value.length; ) {
    const hex = value.slice(position + 1, position + 3);
    if (value[position] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      position += 3;
    } else {
      // Quoted-printable text is ASCII, but sloppy writers leave UTF-8 as is: keep each code point whole.
      const character = String.fromCodePoint(value.codePointAt(position)!);
      bytes.push(...utf8Encoder.encode(character));
      position += character.length;
    }
  }
  const charset = line.parameters.get('CHARSET')?.[0] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    // An unknown charset label: UTF-8 is by far the most likely truth.
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Undoes `\\`, `\n`/`\N`, `\,`, `\;` (and `\:`, which some 3.0 writers add); other backslashes stay. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_, character: string) => (character === 'n' || character === 'N' ? '\n' : character));
}

/** Splits at separators that are not escaped; the parts are still escaped. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let position = 0; position < value.length; position += 1) {
    if (value[position] === '\\') position += 1;
    else if (value[position] === separator) {
      parts.push(value.slice(start, position));
      start = position + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

type CardReading = { contact: VCardContact } | { problems: string[]; name?: string };

/** One card to a contact, or every problem in it (see "all-or-nothing" in the file comment). */
function readCard(card: RawCard, options: ParseVCardsOptions): CardReading {
  const problems: string[] = [];
  const name = readName(card);
  if (!card.closed) problems.push('The card is not closed: END:VCARD is missing');
  if (!name) problems.push('The card has no name (FN)');

  const country = readCountry(card);
  const defaultCountry = (country as CountryCode | undefined) ?? options.defaultCountry;
  const labels = readGroupLabels(card);

  const emails: string[] = [];
  for (const line of linesNamed(card, 'EMAIL')) {
    const email = readText(line).trim().replace(/^mailto:/i, '');
    if (email === '') continue;
    if (!EMAIL_PATTERN.test(email)) problems.push(`"${email}" is not an email address`);
    else if (!emails.some((known) => known.toLowerCase() === email.toLowerCase())) emails.push(email);
  }

  const phones: VCardPhone[] = [];
  let whatsapp: string | undefined;
  const readNumber = (value: string): string | undefined => {
    const result = normalizePhone(value, defaultCountry ? { defaultCountry } : {});
    if ('error' in result) {
      problems.push(`Phone "${value}": ${result.error}`);
      return undefined;
    }
    return result.e164;
  };
  for (const line of linesNamed(card, 'TEL')) {
    const value = readText(line).trim();
    if (value === '') continue;
    const label = line.group ? labels.get(line.group) : undefined;
    if (label === 'whatsapp') {
      whatsapp ??= readNumber(value);
      continue;
    }
    const kind = readPhoneKind(readTypes(line), label);
    if (!kind) continue;
    const e164 = readNumber(value);
    if (e164 && !phones.some((phone) => phone.e164 === e164)) phones.push({ e164, kind });
  }
  for (const line of [...linesNamed(card, 'IMPP'), ...linesNamed(card, 'X-WHATSAPP')]) {
    const number = readWhatsAppNumber(line);
    if (number !== undefined && whatsapp === undefined) whatsapp = readNumber(number);
  }

  const languages: string[] = [];
  for (const line of linesNamed(card, 'LANG')) {
    const value = readText(line).trim();
    if (value === '') continue;
    const tag = canonicalizeLanguageTag(value);
    if (!tag) problems.push(`Language "${value}" is not a language tag such as en, fr-CH or pl`);
    else if (!languages.includes(tag)) languages.push(tag);
  }

  const tags: string[] = [];
  for (const line of linesInOrder(card, 'CATEGORIES')) {
    for (const part of splitUnescaped(decodeTransferEncoding(line), ',')) {
      const tag = unescapeText(part).trim();
      if (tag !== '' && !SYSTEM_CATEGORIES.has(tag.toLowerCase()) && !tags.includes(tag)) tags.push(tag);
    }
  }

  if (problems.length > 0 || !name) return name ? { problems, name } : { problems };

  const contact: VCardContact = { name, emails, phones, languages, tags };
  const uid = readUid(card);
  if (uid) contact.uid = uid;
  if (whatsapp) contact.whatsapp = whatsapp;
  // ORG is "Organisation;Unit;…"; the outlet is the organisation, the first non-empty part.
  const outlet = linesNamed(card, 'ORG')
    .flatMap((line) => splitUnescaped(decodeTransferEncoding(line), ';'))
    .map((part) => unescapeText(part).trim())
    .find((part) => part !== '');
  if (outlet) contact.outlet = outlet;
  const role = firstText(card, 'TITLE') ?? firstText(card, 'ROLE');
  if (role) contact.role = role;
  const timeZone = linesNamed(card, 'TZ')
    .map((line) => readText(line).trim())
    .find((value) => timeZoneSchema.safeParse(value).success);
  if (timeZone) contact.timeZone = timeZone;
  if (country) contact.country = country;
  const notes = linesInOrder(card, 'NOTE').map(readText).filter((note) => note !== '');
  if (notes.length > 0) contact.notes = notes.join('\n\n');
  const updatedAt = linesNamed(card, 'REV')
    .map((line) => parseTimestamp(readText(line).trim()))
    .find((date) => date !== undefined);
  if (updatedAt) contact.updatedAt = updatedAt;
  return { contact };
}

function firstText(card: RawCard, propertyName: string): string | undefined {
  return linesNamed(card, propertyName)
    .map((line) => readText(line).trim())
    .find((value) => value !== '');
}

/** FN; failing that, N put together in reading order (prefix given additional family suffix). */
function readName(card: RawCard): string | undefined {
  const formatted = firstText(card, 'FN');
  if (formatted) return formatted;
  const structured = linesNamed(card, 'N')[0];
  if (!structured) return undefined;
  const components = splitUnescaped(decodeTransferEncoding(structured), ';').map((component) =>
    splitUnescaped(component, ',').map(unescapeText).join(' ').trim(),
  );
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components;
  const name = [prefix, given, additional, family, suffix].filter((part) => part !== '').join(' ');
  return name === '' ? undefined : name;
}

function readUid(card: RawCard): string | undefined {
  const line = linesInOrder(card, 'UID')[0];
  if (!line) return undefined;
  const isText = line.parameters.get('VALUE')?.[0]?.toLowerCase() === 'text';
  const value = (isText ? unescapeText(line.value) : line.value).trim();
  const uid = isText ? value : value.replace(/^urn:uuid:/i, '');
  return uid === '' ? undefined : uid;
}

/** Apple writes "item2.TEL:…" with "item2.X-ABLabel:WhatsApp" (or "_$!<Mobile>!$_"): group → folded label. */
function readGroupLabels(card: RawCard): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of linesInOrder(card, 'X-ABLABEL')) {
    if (line.group) {
      labels.set(line.group, foldForSearch(readText(line)).replace(/^_\$!<(.*)>!\$_$/, '$1'));
    }
  }
  return labels;
}

/** The most specific kind a TYPE set or label names; undefined for fax/pager/textphone-only numbers. */
function readPhoneKind(types: Set<string>, label: string | undefined): PhoneKind | undefined {
  if (types.has('cell') || types.has('mobile') || types.has('iphone') || label === 'mobile' || label === 'iphone') return 'cell';
  const isMachine = types.has('fax') || types.has('pager') || types.has('textphone');
  if (isMachine && !types.has('voice') && !types.has('text')) return undefined;
  if (types.has('work') || label === 'work') return 'work';
  if (types.has('home') || label === 'home') return 'home';
  return 'voice';
}

/** A number from IMPP (wa.me link, whatsapp: URI, or any value labelled WhatsApp) or X-WHATSAPP. */
function readWhatsAppNumber(line: ContentLine): string | undefined {
  const value = readText(line).trim();
  if (line.name === 'X-WHATSAPP') return value === '' ? undefined : value;
  const serviceType = line.parameters.get('X-SERVICE-TYPE')?.[0]?.toLowerCase();
  const link = /^https?:\/\/(?:wa\.me|api\.whatsapp\.com\/send\?phone=)\/?\+?(\d{4,15})/i.exec(value);
  if (link) return `+${link[1]}`;
  const uri = /^whatsapp:(?:\/\/send\?phone=)?(\+?[\d\s().-]{4,})/i.exec(value);
  if (uri) return uri[1]!.startsWith('+') ? uri[1] : `+${uri[1]}`;
  if (serviceType === 'whatsapp') return value.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  return undefined;
}

function canonicalizeLanguageTag(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/**
 * ISO code of the card's country: the RFC 8605 CC parameter, Apple's X-ABADR
 * code for the address's group, or the ADR country component read as a code
 * or as a country name.
 */
function readCountry(card: RawCard): string | undefined {
  for (const line of linesNamed(card, 'ADR')) {
    const fromParameter = toCountryCode(line.parameters.get('CC')?.[0]);
    if (fromParameter) return fromParameter;
    const appleCode = line.group
      ? linesInOrder(card, 'X-ABADR').find((candidate) => candidate.group === line.group)?.value
      : undefined;
    const fromApple = toCountryCode(appleCode);
    if (fromApple) return fromApple;
    const countryName = unescapeText(splitUnescaped(decodeTransferEncoding(line), ';')[6] ?? '').trim();
    const fromName = toCountryCode(countryName) ?? findCountryByName(countryName);
    if (fromName) return fromName;
  }
  return undefined;
}

function toCountryCode(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && COUNTRY_CODE_PATTERN.test(code) && englishRegionNames.of(code) ? code : undefined;
}

/** Folded country name → ISO code, in the languages of our press offices; built on first use. */
let countriesByName: Map<string, string> | undefined;
const COUNTRY_NAME_LOCALES = ['en', 'fr', 'de', 'es', 'it'];
/** Names people write that CLDR does not list as the country's name. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', 'united states of america': 'US', uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', england: 'GB',
  scotland: 'GB', wales: 'GB', 'republic of korea': 'KR', 'south korea': 'KR', russia: 'RU', 'czech republic': 'CZ',
};
/** CLDR regions that are not countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

function findCountryByName(name: string): string | undefined {
  if (name === '') return undefined;
  if (!countriesByName) {
    countriesByName = new Map(Object.entries(COUNTRY_ALIASES));
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const locale of COUNTRY_NAME_LOCALES) {
      const regionNames = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
      for (const first of letters) {
        for (const second of letters) {
          const code = first + second;
          const regionName = NOT_COUNTRIES.has(code) ? undefined : regionNames.of(code);
          if (regionName && !countriesByName.has(foldForSearch(regionName))) countriesByName.set(foldForSearch(regionName), code);
        }
      }
    }
  }
  return countriesByName.get(foldForSearch(name));
}

/**
 * RFC 6350 §4.3.5 timestamps and the ISO 8601 extended form 3.0 writers use:
 * 20201031T080000Z, 2020-10-31T08:00:00Z, 2020-10-31T08:00:00.000+01:00, or a
 * date alone. Without an offset the time is taken as UTC (REV is meant to be
 * UTC; guessing the server's zone would make imports depend on the host).
 */
function parseTimestamp(value: string): Date | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) : 0;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const date = new Date(utc - offsetMinutes * 60_000);
  // Reject 2027-02-30 and 25:00 rather than letting Date roll them over.
  const calendarDate = new Date(utc);
  const dateExists = calendarDate.getUTCMonth() === Number(month) - 1 && calendarDate.getUTCDate() === Number(day);
  const timeExists = Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
  return dateExists && timeExists ? date : undefined;
}

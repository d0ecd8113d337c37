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
 *   written by ical.js, which escapes it per RFC 6350 §3.4; lines end in CRLF
 *   and are folded at 75 octets without splitting a UTF-8 character, with the
 *   same folding code as our invites (RFC 6350 §3.2 uses RFC 5545's rule;
 *   ical.js's own folding lets a continuation line reach 76 octets).
 *
 * Reading: ical.js reads each card (ICAL.parse gives jCard, RFC 7095):
 * unfolding, parameters (RFC 6868 included), escapes, structured and
 * multi-valued properties, for 3.0 and 4.0. vCard 2.1 (Android, old Outlook)
 * is not its syntax, so a small pre-pass (`rewriteVCard21Line`) turns bare
 * parameters ("TEL;CELL") into TYPE= ones and decodes quoted-printable values
 * in their CHARSET first. Each card is parsed on its own, so one damaged card
 * never costs the others.
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
import ICAL from 'ical.js';
import { timeZoneSchema } from '../common/schema';
import { foldContentLine } from '../invites/fold-ics';
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
  const text = (value: string) => sanitizeText(value);
  const properties: JCardProperty[] = [
    ['version', {}, 'text', '4.0'],
    // ical.js's vCard rules do not list PRODID ("unknown": written as is); the value is our constant.
    ['prodid', {}, 'unknown', DEFAULT_PRODUCT_ID],
    formatUid(contact.uid ?? randomUUID()),
    ['fn', {}, 'text', text(contact.name)],
    ['n', {}, 'text', splitName(text(contact.name))],
  ];
  contact.emails.forEach((email, position) => properties.push(['email', { pref: String(position + 1) }, 'text', text(email)]));
  contact.phones.forEach(({ e164, kind }, position) => {
    const type = (phoneKinds as readonly string[]).includes(kind) ? kind : 'voice';
    const pref = String(position + 1);
    properties.push(
      E164_SYNTAX.test(e164)
        ? ['tel', { value: 'uri', pref, type }, 'uri', `tel:${e164}`]
        : ['tel', { pref, type }, 'text', text(e164)],
    );
  });
  if (contact.whatsapp) {
    properties.push(
      E164_SYNTAX.test(contact.whatsapp)
        ? ['impp', { 'x-service-type': 'WhatsApp' }, 'uri', `https://wa.me/${contact.whatsapp.slice(1)}`]
        : ['x-whatsapp', {}, 'text', text(contact.whatsapp)],
    );
  }
  // ORG is structured: one component, so a ";" in the outlet's name stays text.
  if (contact.outlet) properties.push(['org', {}, 'text', [text(contact.outlet)]]);
  if (contact.role) properties.push(['title', {}, 'text', text(contact.role)]);
  contact.languages
    .filter((tag) => LANGUAGE_TAG_PATTERN.test(tag))
    .forEach((tag, position) => properties.push(['lang', { pref: String(position + 1) }, 'language-tag', tag]));
  if (contact.timeZone) properties.push(['tz', { value: 'text' }, 'text', text(contact.timeZone)]);
  if (contact.country) {
    const code = contact.country.toUpperCase();
    const name = COUNTRY_CODE_PATTERN.test(code) ? englishRegionNames.of(code) : undefined;
    properties.push(name ? ['adr', { cc: code }, 'text', ['', '', '', '', '', '', name]] : ['adr', {}, 'text', ['', '', '', '', '', '', text(contact.country)]]);
  }
  if (contact.notes) properties.push(['note', {}, 'text', text(contact.notes)]);
  if (contact.tags.length > 0) properties.push(['categories', {}, 'text', ...contact.tags.map(text)]);
  properties.push(['rev', {}, 'timestamp', formatTimestamp(contact.updatedAt ?? now)]);
  const lines = properties.map((property) => ICAL.stringify.property(property, VCARD_DESIGN, true));
  return ['BEGIN:VCARD', ...lines, 'END:VCARD'].map(foldContentLine).join(CRLF) + CRLF;
}

function formatUid(uid: string): JCardProperty {
  if (UUID_PATTERN.test(uid)) return ['uid', {}, 'text', `urn:uuid:${uid}`];
  if (URI_PATTERN.test(uid) && !/[\\,;]/.test(uid)) return ['uid', {}, 'text', uid];
  return ['uid', { value: 'text' }, 'text', sanitizeText(uid)];
}

/** N components: family; given; additional; prefixes; suffixes. A best effort from one name field. */
function splitName(name: string): [string, string, string, string, string] {
  const words = name.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length < 2) return [name.trim(), '', '', '', ''];
  let familyStart = words.length - 1;
  while (familyStart > 1 && FAMILY_NAME_PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart -= 1;
  return [words.slice(familyStart).join(' '), words.slice(0, familyStart).join(' '), '', '', ''];
}

/** RFC 6350 §4.3.5 timestamp in jCard form (2020-10-31T08:00:00Z), whole seconds; ical.js writes 20201031T080000Z. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '');
}

// ——— import ———

/** A property as ical.js gives it (jCard, RFC 7095): name, parameters, value type, then the values. */
type JCardProperty = [name: string, parameters: Record<string, string | string[]>, type: string, ...values: unknown[]];

/** ical.js's vCard 4.0 rules for writing; reading picks 3.0 or 4.0 from the card's VERSION. */
const VCARD_DESIGN = ICAL.design.components.vcard;

interface CardProperty {
  /** Apple's "item1." grouping prefix, lowercased; ties a TEL to its X-ABLabel. */
  group: string | undefined;
  /** Upper-cased property name. */
  name: string;
  /** Upper-cased parameter name → values (quotes removed, RFC 6868 decoded). */
  parameters: ReadonlyMap<string, string[]>;
  /**
   * The values, unescaped: one for most properties, several for CATEGORIES;
   * a structured value (N, ADR, ORG) is the list of its components, and a
   * component with several values is itself a list.
   */
  values: unknown[];
}

interface RawCard {
  /** Properties by name, in file order; reading a card never rescans it. */
  propertiesByName: Map<string, CardProperty[]>;
  closed: boolean;
  /** Why ical.js could not read the card, if it could not. */
  unreadable?: string;
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
  cards.forEach((card, index) => collectCard(readCard(readCardText(card), options), index, contacts, errors));
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
    collectCard(readCard(readCardText(card), options), index, contacts, errors);
  }
  return { contacts, errors };
}

function collectCard(result: CardReading, index: number, contacts: ParsedVCardContact[], errors: VCardParseError[]): void {
  if ('contact' in result) contacts.push({ ...result.contact, index });
  else {
    const about = result.name ? { index, name: result.name } : { index };
    for (const message of result.problems) errors.push({ ...about, message });
  }
}

/** A card's physical lines between BEGIN:VCARD and END:VCARD (or the end of the file, then not closed). */
interface CardText {
  lines: string[];
  closed: boolean;
}

const BEGIN_CARD = /^BEGIN:VCARD\s*$/i;
const END_CARD = /^END:VCARD\s*$/i;

function splitCards(text: string): CardText[] {
  const withoutMark = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const cards: CardText[] = [];
  let current: CardText | undefined;
  for (const line of withoutMark.split(/\r\n|\r|\n/)) {
    if (BEGIN_CARD.test(line)) {
      current = { lines: [], closed: false };
      cards.push(current);
    } else if (current && END_CARD.test(line)) {
      current.closed = true;
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    }
  }
  return cards;
}

/** A content line's start: `[group.]name` then ";" or ":". Other lines (stray text, 2.1 photo data) are not content. */
const CONTENT_LINE_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+[;:]/;

/** One card through the 2.1 pre-pass and ical.js; a card ical.js refuses is kept with the reason. */
function readCardText(card: CardText): RawCard {
  const lines = joinQuotedPrintableLines(card.lines)
    .filter((line) => CONTENT_LINE_START.test(line) || /^[ \t]/.test(line))
    .map(rewriteVCard21Line);
  const propertiesByName = new Map<string, CardProperty[]>();
  let unreadable: string | undefined;
  try {
    const [, properties] = ICAL.parse(['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join(CRLF)) as [string, JCardProperty[], unknown[]];
    for (const property of properties) {
      const read = toCardProperty(property);
      const sameName = propertiesByName.get(read.name);
      if (sameName) sameName.push(read);
      else propertiesByName.set(read.name, [read]);
    }
  } catch (error) {
    unreadable = error instanceof Error ? error.message : String(error);
  }
  return { propertiesByName, closed: card.closed, ...(unreadable === undefined ? {} : { unreadable }) };
}

function toCardProperty([name, parameters, , ...values]: JCardProperty): CardProperty {
  const { group, ...others } = parameters;
  const named = new Map<string, string[]>();
  for (const [parameter, value] of Object.entries(others)) named.set(parameter.toUpperCase(), (Array.isArray(value) ? value : [value]).map(String));
  return { group: typeof group === 'string' ? group.toLowerCase() : undefined, name: name.toUpperCase(), parameters: named, values };
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

/** vCard 2.1 writes encodings as bare parameters ("TEL;CELL;ENCODING…" or just ";QUOTED-PRINTABLE"). */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);

/**
 * The vCard 2.1 pre-pass, for what ical.js does not read: bare parameters
 * ("TEL;CELL;VOICE:" becomes "TEL;TYPE=CELL;TYPE=VOICE:", which 3.0 readers
 * also meet in the wild) and quoted-printable values, decoded in their
 * CHARSET and written as escaped text. Lines with quoted parameter values are
 * 3.0/4.0 syntax and pass unchanged, as do continuation lines.
 */
function rewriteVCard21Line(line: string): string {
  const colon = line.indexOf(':');
  if (colon === -1 || /^[ \t]/.test(line)) return line;
  const head = line.slice(0, colon);
  if (head.includes('"') || !head.includes(';')) return line;
  const [name, ...parameters] = head.split(';');
  let quotedPrintable = false;
  let charset = 'utf-8';
  const kept: string[] = [];
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    const key = (equals === -1 ? parameter : parameter.slice(0, equals)).toUpperCase();
    const value = equals === -1 ? '' : parameter.slice(equals + 1);
    if (key === 'QUOTED-PRINTABLE' || (key === 'ENCODING' && value.toUpperCase() === 'QUOTED-PRINTABLE')) quotedPrintable = true;
    else if (key === 'CHARSET') charset = value;
    else if (equals === -1 && BARE_ENCODINGS.has(key)) kept.push(`ENCODING=${parameter}`);
    else if (equals === -1 && parameter !== '') kept.push(`TYPE=${parameter}`);
    else if (parameter !== '') kept.push(parameter);
  }
  const value = line.slice(colon + 1);
  const decoded = quotedPrintable ? decodeQuotedPrintable(value, charset).replace(/\r\n|\r|\n/g, '\\n') : value;
  return `${[name, ...kept].join(';')}:${decoded}`;
}

const utf8Encoder = new TextEncoder();

/** Quoted-printable (RFC 2045 §6.7) bytes decoded in `charset`; an unknown charset reads as UTF-8. */
function decodeQuotedPrintable(value: string, charset: string): string {
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
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    // An unknown charset label: UTF-8 is by far the most likely truth.
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** A value as text; the components of a structured one joined by `separator`. */
function valueText(value: unknown, separator = ' '): string {
  if (Array.isArray(value)) return value.map((part) => valueText(part, separator)).join(separator);
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The property's value as text. ical.js's 3.0 rules split NOTE (and any
 * property of a card without VERSION) at unescaped commas, which 2.1 and
 * sloppy 3.0 writers leave in plain text: the values are joined again.
 */
function readText(property: CardProperty): string {
  return property.values.map((value) => valueText(value)).join(',');
}

/** The components of a structured value (N, ADR, ORG); a component's own list joined by `separator`. */
function readComponents(property: CardProperty, separator = ','): string[] {
  const value = property.values[0];
  return Array.isArray(value) ? value.map((component) => valueText(component, separator)) : [valueText(value)];
}

/** Lowercased TYPE values, with "cell,voice" inside one quoted value split too. */
function readTypes(property: CardProperty): Set<string> {
  const types = new Set<string>();
  for (const value of property.parameters.get('TYPE') ?? []) {
    for (const type of value.split(',')) if (type.trim() !== '') types.add(type.trim().toLowerCase());
  }
  return types;
}

/** PREF=1 is most preferred (RFC 6350 §5.3); 3.0's TYPE=pref counts as 1; no preference sorts last. */
function readPreference(property: CardProperty): number {
  const preference = Number(property.parameters.get('PREF')?.[0]);
  if (Number.isInteger(preference) && preference >= 1 && preference <= 100) return preference;
  return readTypes(property).has('pref') ? 1 : 101;
}

/** The card's properties with that name, most preferred first, file order otherwise (Array.sort is stable). */
function linesNamed(card: RawCard, name: string): CardProperty[] {
  const lines = card.propertiesByName.get(name) ?? [];
  return lines.length < 2 ? lines : [...lines].sort((a, b) => readPreference(a) - readPreference(b));
}

/** The card's properties with that name in file order. */
function linesInOrder(card: RawCard, name: string): CardProperty[] {
  return card.propertiesByName.get(name) ?? [];
}

type CardReading = { contact: VCardContact } | { problems: string[]; name?: string };

/** One card to a contact, or every problem in it (see "all-or-nothing" in the file comment). */
function readCard(card: RawCard, options: ParseVCardsOptions): CardReading {
  const problems: string[] = [];
  const name = readName(card);
  if (card.unreadable !== undefined) problems.push(`The card cannot be read: ${card.unreadable}`);
  if (!card.closed) problems.push('The card is not closed: END:VCARD is missing');
  if (!name && card.unreadable === undefined) problems.push('The card has no name (FN)');

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
    for (const part of line.values) {
      const tag = valueText(part).trim();
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
    .flatMap((line) => readComponents(line))
    .map((part) => part.trim())
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
  const components = readComponents(structured, ' ').map((component) => component.trim());
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components;
  const name = [prefix, given, additional, family, suffix].filter((part) => part !== '').join(' ');
  return name === '' ? undefined : name;
}

function readUid(card: RawCard): string | undefined {
  const line = linesInOrder(card, 'UID')[0];
  if (!line) return undefined;
  const uid = readText(line).trim().replace(/^urn:uuid:/i, '');
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
function readWhatsAppNumber(line: CardProperty): string | undefined {
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
      ? linesInOrder(card, 'X-ABADR').find((candidate) => candidate.group === line.group)
      : undefined;
    const fromApple = toCountryCode(appleCode && readText(appleCode));
    if (fromApple) return fromApple;
    const countryName = (readComponents(line)[6] ?? '').trim();
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

/**
 * The one adapter around the `ics` package: nothing else in the project imports it.
 *
 * What `ics` 3.12 does for us: the VCALENDAR/VEVENT skeleton, METHOD, PRODID,
 * UID, SEQUENCE, DTSTAMP/DTSTART/DTEND as UTC `Z` DATE-TIMEs, STATUS, URL, and
 * TEXT escaping of `\ ; ,` and LF for SUMMARY, DESCRIPTION and LOCATION
 * (RFC 5545 §3.3.11).
 *
 * What it gets wrong, and what we do instead:
 * - Its default input/output zone is the server's local zone. We pass epoch
 *   milliseconds with `*InputType`/`*OutputType: 'utc'` and an explicit
 *   `timestamp`, so the bytes do not depend on the process TZ or the clock.
 * - It folds by characters, not octets, and continues with a TAB. We unfold its
 *   output and refold at 75 octets without splitting a UTF-8 sequence
 *   (RFC 5545 §3.1; see `fold-ics.ts`).
 * - It only escapes `\r?\n`, so a bare CR would survive into the output and
 *   start a new line in some parsers. `sanitizeText` (sanitize-text.ts, applied in schema.ts) turns every CR,
 *   LF and CRLF into one LF before `ics` sees the text.
 * - ORGANIZER and ATTENDEE: it quotes a `"` in a parameter as `\"` (RFC 6868
 *   says `^'`; `\"` ends the quoted string early in conforming parsers), it
 *   quotes enumerated values (`ROLE="REQ-PARTICIPANT"`, which the grammar in
 *   RFC 5545 §3.2.12/§3.2.16 does not allow), it substitutes "Unnamed attendee"
 *   or "Organizer" for a missing name, and it uppercases `MAILTO:` for the
 *   organizer only. These two properties are therefore generated here (see
 *   `formatOrganizerLine`/`formatAttendeeLine`) rather than patched afterwards.
 * - It always writes `X-PUBLISHED-TTL:PT1H`, a refresh hint for subscribed
 *   feeds that means nothing in an iTIP message; it is dropped.
 * - It appends ORGANIZER/ATTENDEE nowhere we want, and RFC 5545 §3.6.1 puts every
 *   VEVENT property before its VALARM components, so our two properties are
 *   inserted before the VALARM (or END:VEVENT when there is none).
 *
 * Names in CN: outside readers disagree on escaping. ical.js decodes RFC 6868
 * (`^'` for `"`), python `icalendar` keeps `^'` as typed, and node-ical splits
 * parameters at every `;`, even inside quotes. So a CN carries only characters
 * all of them return identically: straight double quotes become typographic
 * ones (“Z”), `;` becomes `,`, line breaks become spaces (tested with ical.js,
 * node-ical and python `icalendar`).
 *
 * Before folding, every logical line is checked against the exact set of
 * properties we expect, so a future `ics` that starts emitting, say, a VALARM
 * or an X- property makes `createInvite` return an error instead of sending it.
 */
import { createEvent, createEvents, type EventAttributes } from 'ics';
import { sanitizeText } from './sanitize-text';
import { foldContentLine, unfoldContentLines } from './fold-ics';
import { DEFAULT_PRODUCT_ID, inviteOptionsSchema, type ValidInviteOptions } from './schema';

export { DEFAULT_PRODUCT_ID } from './schema';

export interface InvitePerson {
  /** Display name; written as a quoted, RFC 6868-encoded CN. Blank means no CN. */
  name: string;
  /** Address; validated and lowercased. */
  email: string;
}

export interface InviteOptions {
  /** REQUEST for a new or changed interview, CANCEL for a cancelled one (RFC 5546 §3.2.2, §3.2.5). */
  method: 'REQUEST' | 'CANCEL';
  /** '<interview id>@<host>', stable for the life of the interview. Must contain '@'. */
  uid: string;
  /** Integer ≥ 0, increased on every change to the interview (RFC 5545 §3.8.7.4). */
  sequence: number;
  /** When this message was created (UTC instant); new on every message. */
  dtstamp: Date | number;
  /** Instants; written as UTC, e.g. DTSTART:20270322T140000Z. Milliseconds are truncated. */
  start: Date | number;
  end: Date | number;
  /** CONFIRMED with REQUEST, CANCELLED with CANCEL. */
  status: 'CONFIRMED' | 'CANCELLED';
  summary: string;
  /** Multi-line text; an empty description is omitted. */
  description: string;
  location?: string;
  /** Absolute http(s) URL, written in normalised form. */
  url?: string;
  /** RFC 7986 CONFERENCE: a video link (`https://…`) or a number (`tel:+41780000000`) to join by. */
  conference?: { uri: string; feature: 'VIDEO' | 'AUDIO' | 'PHONE'; label?: string };
  /** The press office mailbox. */
  organizer: InvitePerson;
  /** The reporter and the spokesperson (kept on CANCEL too, so each client finds the event). */
  attendees: InvitePerson[];
  /** Defaults to '-//Interview Desk//EN'. */
  productId?: string;
  /**
   * A display alarm this many minutes before the start (REQUEST only; a
   * cancellation carries none). The calendar app reminds the attendee even
   * when the email reminders are not read.
   */
  alarmMinutesBefore?: number;
  /** The alarm's text, e.g. "Interview in 15 minutes". */
  alarmDescription?: string;
}

export type CreateInviteResult = { value: string } | { error: string };

const CRLF = '\r\n';

/** Every property `createInvite` may emit, in the VCALENDAR or the VEVENT. */
const EXPECTED_PROPERTIES = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'CALSCALE',
  'PRODID',
  'METHOD',
  'UID',
  'SUMMARY',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'SEQUENCE',
  'DESCRIPTION',
  'URL',
  'LOCATION',
  'CONFERENCE',
  'STATUS',
  'ORGANIZER',
  'ATTENDEE',
  'ACTION',
  'TRIGGER',
]);
const EXPECTED_COMPONENTS = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR'];
const EXPECTED_COMPONENTS_WITH_ALARM = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR'];

/** See the module comment: an X- feed hint `ics` always writes, dropped from iTIP messages. */
const DROPPED_LINES = new Set(['X-PUBLISHED-TTL:PT1H']);

/**
 * Builds an iTIP (RFC 5546) invite or cancellation for one interview as
 * iCalendar text (RFC 5545).
 *
 * Guarantees for `{ value }`:
 * - one VCALENDAR (VERSION:2.0, CALSCALE:GREGORIAN, PRODID, METHOD) holding one
 *   VEVENT with UID, SEQUENCE, DTSTAMP, DTSTART, DTEND (all UTC `Z`), STATUS,
 *   SUMMARY, DESCRIPTION (if non-empty), LOCATION and URL (if given), ORGANIZER
 *   and one ATTENDEE per attendee (ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION,
 *   RSVP=TRUE, quoted CN in the portable form above, lowercased `mailto:`);
 *   one display VALARM when `alarmMinutesBefore` is given with METHOD:REQUEST;
 * - CRLF line ends only, every physical line at most 75 octets and valid UTF-8
 *   on its own, no user-supplied character able to start a new property;
 * - the same bytes for the same options whatever the process time zone or clock.
 *
 * Invalid options (bad address, UID without '@', CR/LF in a UID or address,
 * negative or fractional sequence, end not after start, status that does not
 * match the method, …) give `{ error }` naming the fields. Never throws.
 */
export function createInvite(options: InviteOptions): CreateInviteResult {
  try {
    const parsed = inviteOptionsSchema.safeParse(options);
    if (!parsed.success) {
      return { error: formatIssues(parsed.error.issues) };
    }
    return buildInvite(parsed.data);
  } catch (error) {
    // Defensive: validation should make this unreachable, but callers rely on "never throws".
    return { error: `Could not create the invite: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function buildInvite(options: ValidInviteOptions): CreateInviteResult {
  // `timestamp` is accepted by ics's schema but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: options.productId,
    method: options.method,
    uid: options.uid,
    sequence: options.sequence,
    timestamp: options.dtstamp,
    start: options.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: options.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: options.summary,
    status: options.status,
    ...(options.description !== '' && { description: options.description }),
    ...(options.location !== undefined && options.location !== '' && { location: options.location }),
    ...(options.url !== undefined && { url: options.url }),
    ...(withAlarm(options) && {
      alarms: [{ action: 'display' as const, description: options.alarmDescription ?? options.summary, trigger: { minutes: options.alarmMinutesBefore, before: true } }],
    }),
  };
  const generated = createEvent(attributes);
  if (generated.error || !generated.value) {
    return { error: `ics rejected the invite: ${generated.error?.message ?? 'no output'}` };
  }

  const lines = unfoldContentLines(generated.value).filter((line) => !DROPPED_LINES.has(line));
  const endOfEvent = lines.indexOf('END:VEVENT');
  if (endOfEvent === -1) {
    return { error: 'ics produced no VEVENT' };
  }
  const alarm = lines.indexOf('BEGIN:VALARM');
  lines.splice(
    alarm === -1 ? endOfEvent : alarm,
    0,
    ...(options.conference ? [formatConferenceLine(options.conference)] : []),
    formatOrganizerLine(options.organizer),
    ...options.attendees.map(formatAttendeeLine),
  );

  const unexpected = findUnexpectedLine(lines, withAlarm(options) ? EXPECTED_COMPONENTS_WITH_ALARM : EXPECTED_COMPONENTS);
  if (unexpected !== undefined) {
    return { error: `ics produced an unexpected line: ${JSON.stringify(unexpected.slice(0, 80))}` };
  }
  return { value: lines.map(foldContentLine).join(CRLF) + CRLF };
}

/**
 * CONFERENCE (RFC 7986 §5.11): `VALUE=URI` is required; FEATURE says what the
 * link is for and LABEL is a quoted, RFC 6868-encoded parameter like CN. The
 * URI was validated (http(s) or tel:+digits, no white space or controls).
 */
function formatConferenceLine(conference: NonNullable<ValidInviteOptions['conference']>): string {
  const label = conference.label && conference.label.trim() !== '' ? `;LABEL="${portableCommonName(conference.label)}"` : '';
  return `CONFERENCE;VALUE=URI;FEATURE=${conference.feature}${label}:${conference.uri}`;
}

/**
 * ORGANIZER (RFC 5545 §3.8.4.3). The CN is omitted when the name is blank,
 * rather than inventing one as `ics` would.
 */
function formatOrganizerLine(organizer: ValidInviteOptions['organizer']): string {
  return `ORGANIZER${formatCommonNameParameter(organizer.name)}:mailto:${organizer.email}`;
}

/**
 * ATTENDEE (RFC 5545 §3.8.4.1) with the parameters an iTIP REQUEST needs for
 * clients to offer accept/decline. Enumerated values are written unquoted, as
 * their grammar (§3.2.12 PARTSTAT, §3.2.16 ROLE, §3.2.17 RSVP) requires.
 */
function formatAttendeeLine(attendee: ValidInviteOptions['attendees'][number]): string {
  return (
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE' +
    `${formatCommonNameParameter(attendee.name)}:mailto:${attendee.email}`
  );
}

function withAlarm(options: ValidInviteOptions): options is ValidInviteOptions & { alarmMinutesBefore: number } {
  return options.method === 'REQUEST' && options.alarmMinutesBefore !== undefined;
}

/** `;CN="…"`, or nothing for a blank name. */
function formatCommonNameParameter(name: string): string {
  const portable = portableCommonName(name);
  return portable === '' ? '' : `;CN="${portable}"`;
}

/**
 * A name as every calendar reader we test returns it identically (see the
 * module comment): `"` → “ and ” in turn, `;` → `,`, line breaks → one space,
 * and a `^` that RFC 6868 readers would take for an escape (`^n`, `^'`, `^^`)
 * doubled so those readers show one `^` (the others, then, two: the one case
 * left, for a character no name we know of contains). The input is already
 * sanitised (no CR, no controls), so the result holds only QSAFE-CHARs
 * (RFC 5545 §3.1) and cannot close the quoted string.
 */
export function portableCommonName(name: string): string {
  let opening = true;
  return name
    .replace(/\s*\n\s*/g, ' ')
    .replace(/"/g, () => {
      const quote = opening ? '\u201C' : '\u201D';
      opening = !opening;
      return quote;
    })
    .replace(/;/g, ',')
    .replace(/\^(?=[n'^])/g, '^^')
    .trim();
}

/**
 * Returns the first logical line that is not one of the properties or
 * components we emit, or that repeats a component; undefined if all is well.
 */
function findUnexpectedLine(lines: string[], expectedComponents: string[]): string | undefined {
  const components = lines.filter((line) => /^(BEGIN|END):/.test(line));
  if (components.join(CRLF) !== expectedComponents.join(CRLF)) {
    return components.find((line, index) => line !== expectedComponents[index]) ?? components.join(' ');
  }
  return lines.find((line) => {
    const name = /^[A-Z-]+(?=[;:])/.exec(line)?.[0];
    return name === undefined || !EXPECTED_PROPERTIES.has(name);
  });
}

function formatIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'options'}: ${issue.message}`)
    .join('; ');
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  start: Date | number;
  end: Date | number;
  status: 'CONFIRMED' | 'CANCELLED';
  summary: string;
  description: string;
  location?: string;
}

/**
 * A subscription feed (METHOD:PUBLISH, RFC 5546: a published calendar, not an
 * invitation): one VEVENT per interview with its invite UID and SEQUENCE, so a
 * calendar that has both the emailed invite and the feed shows one event.
 * Same byte guarantees as createInvite (UTC times, CRLF, 75-octet folding on
 * whole characters, escaped text, identical under any process TZ).
 */
export function createFeed(options: { name: string; events: FeedEvent[]; dtstamp: Date | number; organizer: InvitePerson; productId?: string }): CreateInviteResult {
  const dtstamp = typeof options.dtstamp === 'number' ? options.dtstamp : options.dtstamp.getTime();
  if (options.events.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid feed.
    const name = sanitizeText(options.name).replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\n/g, '\\n');
    return { value: ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `PRODID:${options.productId ?? DEFAULT_PRODUCT_ID}`, `X-WR-CALNAME:${name}`, 'X-PUBLISHED-TTL:PT1H', 'END:VCALENDAR'].map(foldContentLine).join(CRLF) + CRLF };
  }
  const events: (EventAttributes & { timestamp: number })[] = options.events.map((event) => ({
    productId: options.productId ?? DEFAULT_PRODUCT_ID,
    calName: sanitizeText(options.name),
    uid: event.uid,
    sequence: event.sequence,
    timestamp: dtstamp,
    start: typeof event.start === 'number' ? event.start : event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: typeof event.end === 'number' ? event.end : event.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: sanitizeText(event.summary),
    status: event.status,
    ...(event.description ? { description: sanitizeText(event.description) } : {}),
    ...(event.location ? { location: sanitizeText(event.location) } : {}),
  }));
  const generated = createEvents(events);
  if (generated.error || !generated.value) return { error: `ics rejected the feed: ${generated.error?.message ?? 'no output'}` };
  // RFC 5546 §3.2.1: a PUBLISH event MUST name its ORGANIZER (the press office).
  const organizer = formatOrganizerLine({ name: sanitizeText(options.organizer.name), email: options.organizer.email.trim().toLowerCase() });
  const lines = unfoldContentLines(generated.value).flatMap((line) => (line === 'END:VEVENT' ? [organizer, line] : [line]));
  return { value: lines.map(foldContentLine).join(CRLF) + CRLF };
}

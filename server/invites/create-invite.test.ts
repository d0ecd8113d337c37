import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createInvite, portableCommonName, type InviteOptions } from './create-invite';
import { makeInviteOptions } from './test-factories';

/* ----------------------------------------------------------------------------
 * Helpers: a neutral view of an invite, read by two independent parsers.
 * ------------------------------------------------------------------------- */

interface PersonView {
  email: string;
  cn: string | undefined;
  role?: string | undefined;
  partstat?: string | undefined;
  rsvp?: string | undefined;
}

interface InviteView {
  method: string;
  uid: string;
  sequence: number;
  dtstamp: number;
  start: number;
  end: number;
  status: string;
  summary: string;
  description: string | undefined;
  location: string | undefined;
  url: string | undefined;
  organizer: PersonView;
  attendees: PersonView[];
}

function expectValue(result: ReturnType<typeof createInvite>): string {
  if ('error' in result) throw new Error(`expected an invite, got error: ${result.error}`);
  return result.value;
}

function expectError(result: ReturnType<typeof createInvite>): string {
  expect(result).not.toHaveProperty('value');
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
}

function toMilliseconds(instant: Date | number): number {
  return Math.floor((instant instanceof Date ? instant.getTime() : instant) / 1000) * 1000;
}

/** What a correct parser must read back from the invite built from `options`. */
function expectedView(options: InviteOptions): InviteView {
  const normaliseText = (text: string) => text.replace(/\r\n|\r/g, '\n');
  const person = (name: string, email: string): PersonView => ({
    email: email.toLowerCase(),
    cn: name.trim() === '' ? undefined : portableCommonName(normaliseText(name)),
  });
  return {
    method: options.method,
    uid: options.uid,
    sequence: options.sequence,
    dtstamp: toMilliseconds(options.dtstamp),
    start: toMilliseconds(options.start),
    end: toMilliseconds(options.end),
    status: options.status,
    summary: normaliseText(options.summary),
    description: options.description === '' ? undefined : normaliseText(options.description),
    location: options.location ? normaliseText(options.location) : undefined,
    url: options.url,
    organizer: person(options.organizer.name, options.organizer.email),
    attendees: options.attendees.map((attendee) => ({
      ...person(attendee.name, attendee.email),
      role: 'REQ-PARTICIPANT',
      partstat: 'NEEDS-ACTION',
      rsvp: 'TRUE',
    })),
  };
}

function stripMailto(value: unknown): string {
  const text = String(value);
  expect(text.startsWith('mailto:')).toBe(true);
  return text.slice('mailto:'.length);
}

/** ical.js: a spec-minded parser that implements RFC 6868. */
function readWithIcalJs(text: string): InviteView & { alarms: number } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
  expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Interview Desk//EN');
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = events[0]!;
  const readUtcInstant = (name: string) => {
    const time = event.getFirstPropertyValue(name) as ICAL.Time;
    expect(time.zone?.tzid).toBe('UTC');
    return time.toJSDate().getTime();
  };
  const readText = (name: string) => (event.getFirstPropertyValue(name) as string | null) ?? undefined;
  const person = (property: ICAL.Property, withParticipation: boolean): PersonView => ({
    email: stripMailto(property.getFirstValue()),
    cn: (property.getParameter('cn') as string | undefined) ?? undefined,
    ...(withParticipation && {
      role: property.getParameter('role') as string,
      partstat: property.getParameter('partstat') as string,
      rsvp: property.getParameter('rsvp') as string,
    }),
  });
  const organizer = event.getFirstProperty('organizer');
  expect(organizer).not.toBeNull();
  return {
    method: calendar.getFirstPropertyValue('method') as string,
    uid: readText('uid')!,
    sequence: Number(event.getFirstPropertyValue('sequence')),
    dtstamp: readUtcInstant('dtstamp'),
    start: readUtcInstant('dtstart'),
    end: readUtcInstant('dtend'),
    status: readText('status')!,
    summary: readText('summary')!,
    description: readText('description'),
    location: readText('location'),
    url: readText('url'),
    organizer: person(organizer!, false),
    attendees: event.getAllProperties('attendee').map((property) => person(property, true)),
    alarms: event.getAllSubcomponents('valarm').length,
  };
}

type NodeIcalProperty = string | { params?: Record<string, unknown>; val: string };

function readWithNodeIcal(text: string): InviteView {
  const parsed = nodeIcal.sync.parseICS(text) as Record<string, Record<string, unknown>>;
  const events = Object.values(parsed).filter((component) => component.type === 'VEVENT');
  expect(events).toHaveLength(1);
  const event = events[0]!;
  const calendar = parsed.vcalendar!;
  const person = (property: NodeIcalProperty, withParticipation: boolean): PersonView => {
    const params = typeof property === 'string' ? {} : (property.params ?? {});
    const value = typeof property === 'string' ? property : property.val;
    return {
      email: stripMailto(value),
      cn: params.CN === undefined ? undefined : String(params.CN),
      ...(withParticipation && {
        role: String(params.ROLE),
        partstat: String(params.PARTSTAT),
        rsvp: String(params.RSVP).toUpperCase(),
      }),
    };
  };
  const attendees = ([] as NodeIcalProperty[]).concat((event.attendee as NodeIcalProperty | NodeIcalProperty[]) ?? []);
  const optionalText = (value: unknown) => (value === undefined ? undefined : String(value));
  return {
    method: String(calendar.method),
    uid: String(event.uid),
    sequence: Number(event.sequence),
    dtstamp: (event.dtstamp as Date).getTime(),
    start: (event.start as Date).getTime(),
    end: (event.end as Date).getTime(),
    status: String(event.status),
    summary: String(event.summary),
    description: optionalText(event.description),
    location: optionalText(event.location),
    url: optionalText(event.url),
    organizer: person(event.organizer as NodeIcalProperty, false),
    attendees: attendees.map((attendee) => person(attendee, true)),
  };
}

/** Byte-level rules from RFC 5545 §3.1, checked on the UTF-8 the mail will carry. */
function expectWellFormedBytes(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
  let lineStart = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === 0x0a) expect(bytes[index - 1], `bare LF at byte ${index}`).toBe(0x0d);
    if (bytes[index] === 0x0d) {
      expect(bytes[index + 1], `bare CR at byte ${index}`).toBe(0x0a);
      const line = bytes.subarray(lineStart, index);
      expect(line.length, `physical line at byte ${lineStart}`).toBeLessThanOrEqual(75);
      // Each physical line must be valid UTF-8 on its own: no character split by a fold.
      expect(() => strictUtf8.decode(line)).not.toThrow();
      lineStart = index + 2;
    }
  }
  expect(lineStart).toBe(bytes.length);
}

/** Logical lines (RFC 5545 §3.1 unfolding) and their property names. */
function readLogicalLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
}

function readPropertyNames(text: string): string[] {
  return readLogicalLines(text).map((line) => /^[A-Z-]+/.exec(line)![0]);
}

function expectBothParsersToRead(text: string, expected: InviteView): void {
  const { alarms, ...fromIcalJs } = readWithIcalJs(text);
  expect(fromIcalJs).toEqual(expected);
  expect(alarms).toBe(0);
  expect(readWithNodeIcal(text)).toEqual(expected);
}

/** Debian's python3-icalendar, a third, independent reader (skipped where it is not installed). */
function readNamesWithPythonIcalendar(text: string): { organizer: string; attendees: string[] } {
  const script = [
    'import icalendar, json, sys',
    'calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())',
    'event = next(iter(calendar.walk("VEVENT")))',
    'attendees = event.get("ATTENDEE")',
    'attendees = attendees if isinstance(attendees, list) else [attendees]',
    'print(json.dumps({"organizer": str(event.get("ORGANIZER").params.get("CN")), "attendees": [str(a.params.get("CN")) for a in attendees]}))',
  ].join('\n');
  const output = execFileSync(PYTHON, ['-c', script], { input: text, encoding: 'utf8' });
  return JSON.parse(output) as { organizer: string; attendees: string[] };
}

/** Debian's interpreter, where python3-icalendar is installed (not a pyenv one). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/* ----------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------- */

describe('createInvite: structure', () => {
  it('writes the exact expected iCalendar text for a plain REQUEST', () => {
    const value = expectValue(
      createInvite(makeInviteOptions({ url: 'https://desk.example.org/interviews/iv-7f3a2c' })),
    );
    expect(value).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'PRODID:-//Interview Desk//EN',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'UID:iv-7f3a2c@desk.example.org',
        'SUMMARY:Interview: Hector Guerra – Le Temps',
        'DTSTAMP:20270301T080000Z',
        'DTSTART:20270322T140000Z',
        'DTEND:20270322T143000Z',
        'SEQUENCE:0',
        'DESCRIPTION:Topic: report launch\\nYour time: 15:00 Europe/Zurich\\nDial-in',
        ' : +41 (0) 78-000-0000',
        'URL:https://desk.example.org/interviews/iv-7f3a2c',
        'LOCATION:Phone',
        'STATUS:CONFIRMED',
        'ORGANIZER;CN="Press Office":mailto:press@example.org',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Hector Gu',
        ' erra":mailto:hector.guerra@example.org',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Marie Dup',
        ' ont":mailto:marie.dupont@example.org',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expectWellFormedBytes(value);
  });

  it('reads back identically with ical.js and node-ical', () => {
    const options = makeInviteOptions({ url: 'https://desk.example.org/interviews/iv-7f3a2c' });
    expectBothParsersToRead(expectValue(createInvite(options)), expectedView(options));
  });

  it('never writes a VALARM unless asked, nor the feed-only X-PUBLISHED-TTL that ics adds', () => {
    for (const method of ['REQUEST', 'CANCEL'] as const) {
      const value = expectValue(
        createInvite(makeInviteOptions({ method, status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED' })),
      );
      expect(value).not.toMatch(/VALARM|X-PUBLISHED-TTL|TRIGGER/);
    }
  });

  it('adds one display alarm 15 minutes before to a REQUEST, after every event property, and none to a CANCEL', () => {
    const options = makeInviteOptions({ alarmMinutesBefore: 15, alarmDescription: 'In 15 minutes: interview' });
    const value = expectValue(createInvite(options));
    const lines = readLogicalLines(value);
    expect(lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1)).toEqual([
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:In 15 minutes: interview',
      'TRIGGER:-PT15M',
      'END:VALARM',
    ]);
    // RFC 5545 §3.6.1: the event's properties, ORGANIZER and ATTENDEE included, come before its alarms.
    expect(lines.findLastIndex((line) => line.startsWith('ATTENDEE'))).toBeLessThan(lines.indexOf('BEGIN:VALARM'));
    expectWellFormedBytes(value);
    // ical.js: the alarm belongs to the event and triggers 15 minutes before its start.
    const event = new ICAL.Component(ICAL.parse(value)).getFirstSubcomponent('vevent')!;
    const alarm = event.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-15 * 60);
    // node-ical reads the event unchanged beside the alarm.
    const { alarms, ...fromIcalJs } = readWithIcalJs(value);
    expect(alarms).toBe(1);
    expect(readWithNodeIcal(value)).toEqual(fromIcalJs);
    // python icalendar: the same trigger.
    const trigger = execFileSync(PYTHON, ['-c', 'import icalendar,sys; c=icalendar.Calendar.from_ical(sys.stdin.buffer.read()); a=next(iter(c.walk("VALARM"))); print(int(a.get("TRIGGER").dt.total_seconds()))'], { input: value, encoding: 'utf8' });
    expect(Number(trigger.trim())).toBe(-900);

    const cancel = expectValue(createInvite({ ...options, method: 'CANCEL', status: 'CANCELLED', sequence: 1 }));
    expect(cancel).not.toMatch(/VALARM|TRIGGER/);
  });

  it('lowercases addresses, omits CN for a blank name instead of inventing one, and treats Date and number alike', () => {
    const options = makeInviteOptions({
      organizer: { name: '  ', email: 'Press@Example.ORG' },
      attendees: [{ name: '', email: 'Hector.Guerra@Example.org' }],
    });
    const value = expectValue(createInvite(options));
    expect(readLogicalLines(value)).toContain('ORGANIZER:mailto:press@example.org');
    expect(readLogicalLines(value)).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hector.guerra@example.org',
    );
    expect(value).not.toMatch(/Unnamed attendee|CN="Organizer"/);
    expectBothParsersToRead(value, expectedView(options));

    const withDates = {
      ...options,
      dtstamp: new Date(options.dtstamp),
      start: new Date(options.start),
      end: new Date(options.end),
    };
    expect(expectValue(createInvite(withDates))).toBe(value);
  });

  it('truncates milliseconds, since DATE-TIME has whole seconds', () => {
    const value = expectValue(
      createInvite(makeInviteOptions({ dtstamp: Date.UTC(2027, 2, 1, 8, 0, 0, 999) })),
    );
    expect(readLogicalLines(value)).toContain('DTSTAMP:20270301T080000Z');
  });
});

describe('createInvite: text round-trips through both parsers', () => {
  const texts: Array<[label: string, text: string]> = [
    ['commas, semicolons and backslashes', 'Budget, staff; and C:\\Temp\\report \\; \\, done'],
    ['newlines of every kind', 'Line one\nLine two\r\nLine three\rLine four\n\nafter a blank line'],
    ['double quotes inside text', 'She said "on the record" and "background"'],
    ['accents and typographic dashes', 'Zürich – Genève, Kraków — Łódź, São Paulo'],
    ['CJK', '東京での取材：記者会見（日本語）と한국어 인터뷰'],
    ['emoji, ZWJ sequences and flags', '🎙️ Interview 👩🏽‍💼 🇨🇭 ✅ 😀'],
    ['a tab', 'Column A\tColumn B'],
    ['a very long mixed line that must fold many times', 'Zürich – Genève 🎙️ 東京, "quoted"; \\ '.repeat(12)],
  ];
  const names = [
    'Ana "La Jefa" Ruiz',
    'Hector Guerra, Le Temps',
    'Zoë Ñúñez',
    '山田 太郎',
    'Caret ^ Person',
    'Émile 🎙️',
    'Line\nBreak: Name',
  ];

  it.each(texts)('%s', (_label, text) => {
    const options = makeInviteOptions({
      summary: text,
      description: `${text}\n${text}`,
      location: text,
      organizer: { name: names[0]!, email: 'press@example.org' },
      attendees: names.map((name, index) => ({ name, email: `person${index}@example.org` })),
    });
    const value = expectValue(createInvite(options));
    expectWellFormedBytes(value);
    expectBothParsersToRead(value, expectedView(options));
  });

  it('writes names in CN so ical.js, node-ical and python icalendar all return the same text', () => {
    const options = makeInviteOptions({
      organizer: { name: 'Press; office, Geneva', email: 'press@example.org' },
      attendees: [
        { name: 'Zoë "Z" O\'Brien; Jr.', email: 'zoe@example.org' },
        { name: 'A:B, C\nD', email: 'a@example.org' },
      ],
    });
    const value = expectValue(createInvite(options));
    const attendeeLines = readLogicalLines(value).filter((line) => line.startsWith('ATTENDEE'));
    expect(attendeeLines[0]).toContain('CN="Zoë \u201CZ\u201D O\'Brien, Jr."');
    expect(value).not.toContain('\\"');
    expect(value).not.toContain("^'");
    const expected = ['Zoë \u201CZ\u201D O\'Brien, Jr.', 'A:B, C D'];
    expect(readWithIcalJs(value).attendees.map((attendee) => attendee.cn)).toEqual(expected);
    expect(readWithNodeIcal(value).attendees.map((attendee) => attendee.cn)).toEqual(expected);
    const python = readNamesWithPythonIcalendar(value);
    expect(python.attendees).toEqual(expected);
    expect(python.organizer).toBe('Press, office, Geneva');
    expect(readWithNodeIcal(value).organizer.cn).toBe('Press, office, Geneva');
  });

  it('drops control characters and repairs lone surrogates, so every line stays valid UTF-8', () => {
    const options = makeInviteOptions({ summary: 'Bell\u0007 NUL\u0000 esc\u001b lone\uD83D end', description: 'x\u2028y\u2029z' });
    const value = expectValue(createInvite(options));
    expectWellFormedBytes(value);
    const read = readWithIcalJs(value);
    expect(read.summary).toBe('Bell NUL esc lone\uFFFD end');
    // U+2028/9 are line terminators for JavaScript-based parsers; written as escaped newlines.
    expect(read.description).toBe('x\ny\nz');
    expect(readWithNodeIcal(value).description).toBe('x\ny\nz');
  });

  it('folds a long emoji and accent summary at 75 octets without splitting characters', () => {
    const summary = '🎙️👩🏽‍💼 Zürich – Genève '.repeat(12);
    const value = expectValue(createInvite(makeInviteOptions({ summary })));
    expectWellFormedBytes(value);
    const physicalSummaryLines = value.split('\r\n').slice(
      value.split('\r\n').findIndex((line) => line.startsWith('SUMMARY:')),
    );
    expect(physicalSummaryLines[1]!.startsWith(' ')).toBe(true);
    expect(readWithIcalJs(value).summary).toBe(summary);
    expect(readWithNodeIcal(value).summary).toBe(summary);
  });
});

describe('createInvite: injection', () => {
  const payload = '\r\nATTENDEE:mailto:evil@x';

  it.each([
    ['summary', { summary: `Interview${payload}` }],
    ['description', { description: `Notes${payload}\nEND:VEVENT` }],
    ['location', { location: `Room 1${payload}` }],
    ['attendee name', { attendees: [{ name: `Hector${payload}`, email: 'hector@example.org' }] }],
    ['organizer name', { organizer: { name: `Press${payload}`, email: 'press@example.org' } }],
  ])('CRLF in the %s does not create a property', (_field, overrides) => {
    const options = makeInviteOptions(overrides as Partial<InviteOptions>);
    const value = expectValue(createInvite(options));
    expectWellFormedBytes(value);
    const names = readPropertyNames(value);
    expect(names.filter((name) => name === 'ATTENDEE')).toHaveLength(options.attendees.length);
    expect(names.filter((name) => name === 'END')).toHaveLength(2);
    expect(readLogicalLines(value).some((line) => line.startsWith('ATTENDEE:'))).toBe(false);
    expect(value).not.toMatch(/\r\nATTENDEE:mailto:evil/);
    // Both parsers see the text as text, with the break as a newline.
    expectBothParsersToRead(value, expectedView(options));
  });

  it.each([
    ['attendee email', { attendees: [{ name: 'X', email: `x@example.org${payload}` }] }, 'attendees.0.email'],
    ['organizer email', { organizer: { name: 'X', email: `press@example.org${payload}` } }, 'organizer.email'],
    ['uid', { uid: `iv-1@desk.example.org${payload}` }, 'uid'],
  ])('CRLF in the %s is rejected', (_field, overrides, path) => {
    const error = expectError(createInvite(makeInviteOptions(overrides as Partial<InviteOptions>)));
    expect(error).toContain(`${path}: must not contain CR or LF`);
  });
});

describe('createInvite: time', () => {
  it('writes a 15:00 Europe/Zurich interview on 2027-03-22 as DTSTART:20270322T140000Z', () => {
    const start = DateTime.fromObject(
      { year: 2027, month: 3, day: 22, hour: 15, minute: 0 },
      { zone: 'Europe/Zurich' },
    );
    const options = makeInviteOptions({ start: start.toJSDate(), end: start.plus({ minutes: 30 }).toJSDate() });
    const value = expectValue(createInvite(options));
    expect(readLogicalLines(value)).toContain('DTSTART:20270322T140000Z');
    expect(readLogicalLines(value)).toContain('DTEND:20270322T143000Z');
    expect(readWithIcalJs(value).start).toBe(start.toMillis());
    expectBothParsersToRead(value, expectedView(options));
  });

  it('follows the summer offset: 15:00 Europe/Zurich on 2027-07-01 is 13:00Z', () => {
    const start = DateTime.fromObject({ year: 2027, month: 7, day: 1, hour: 15 }, { zone: 'Europe/Zurich' });
    const options = makeInviteOptions({ start: start.toMillis(), end: start.plus({ hours: 1 }).toMillis() });
    const value = expectValue(createInvite(options));
    expect(readLogicalLines(value)).toContain('DTSTART:20270701T130000Z');
    expectBothParsersToRead(value, expectedView(options));
  });
});

describe('createInvite: REQUEST then CANCEL', () => {
  it('cancels with the same UID, SEQUENCE + 1, METHOD:CANCEL, STATUS:CANCELLED, attendees kept, no VALARM', () => {
    const request = makeInviteOptions({ sequence: 3 });
    const cancel: InviteOptions = {
      ...request,
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: request.sequence + 1,
      dtstamp: Date.UTC(2027, 2, 20, 9, 15, 0),
    };
    const requestValue = expectValue(createInvite(request));
    const cancelValue = expectValue(createInvite(cancel));

    const fromRequest = readWithIcalJs(requestValue);
    const fromCancel = readWithIcalJs(cancelValue);
    expect(fromCancel.uid).toBe(fromRequest.uid);
    expect(fromCancel.sequence).toBe(fromRequest.sequence + 1);
    expect(fromCancel.method).toBe('CANCEL');
    expect(fromCancel.status).toBe('CANCELLED');
    expect(fromCancel.alarms).toBe(0);
    expect(cancelValue).not.toContain('VALARM');
    expect(readLogicalLines(cancelValue)).toEqual(
      expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:4', 'DTSTAMP:20270320T091500Z']),
    );
    expectWellFormedBytes(cancelValue);
    expectBothParsersToRead(cancelValue, expectedView(cancel));
  });
});

describe('createInvite: bad input gives { error }, never a throw', () => {
  const cases: Array<[label: string, overrides: Record<string, unknown>, path: string]> = [
    ['uid without @', { uid: 'iv-7f3a2c.desk.example.org' }, 'uid'],
    ['uid with a space', { uid: 'iv 1@desk.example.org' }, 'uid'],
    ['uid with a semicolon', { uid: 'iv;1@desk.example.org' }, 'uid'],
    ['negative sequence', { sequence: -1 }, 'sequence'],
    ['fractional sequence', { sequence: 1.5 }, 'sequence'],
    ['NaN sequence', { sequence: Number.NaN }, 'sequence'],
    ['sequence above 2^31-1', { sequence: 2 ** 31 }, 'sequence'],
    ['end equal to start', { end: Date.UTC(2027, 2, 22, 14, 0, 0) }, 'end'],
    ['end before start', { end: Date.UTC(2027, 2, 22, 13, 0, 0) }, 'end'],
    ['end within the same second as start', { end: Date.UTC(2027, 2, 22, 14, 0, 0, 500) }, 'end'],
    ['invalid Date', { start: new Date(Number.NaN) }, 'start'],
    ['instant before 1970', { dtstamp: -1000 }, 'dtstamp'],
    ['instant as a string', { start: '2027-03-22T14:00:00Z' }, 'start'],
    ['email without @', { attendees: [{ name: 'X', email: 'not-an-email' }] }, 'attendees.0.email'],
    ['email with a space', { attendees: [{ name: 'X', email: 'a b@example.org' }] }, 'attendees.0.email'],
    ['email with quotes', { attendees: [{ name: 'X', email: '"a"@example.org' }] }, 'attendees.0.email'],
    ['email in angle brackets', { attendees: [{ name: 'X', email: '<a@example.org>' }] }, 'attendees.0.email'],
    ['email with a semicolon', { attendees: [{ name: 'X', email: 'a@example.org;x' }] }, 'attendees.0.email'],
    ['email without a dot in the domain', { organizer: { name: 'X', email: 'a@localhost' } }, 'organizer.email'],
    ['status CONFIRMED with CANCEL', { method: 'CANCEL', status: 'CONFIRMED' }, 'status'],
    ['status CANCELLED with REQUEST', { status: 'CANCELLED' }, 'status'],
    ['unknown method', { method: 'PUBLISH' }, 'method'],
    ['blank summary', { summary: '  \n ' }, 'summary'],
    ['summary over the length limit', { summary: 'x'.repeat(501) }, 'summary'],
    ['no attendees', { attendees: [] }, 'attendees'],
    [
      'the same attendee twice',
      { attendees: [{ name: 'A', email: 'a@example.org' }, { name: 'B', email: 'A@Example.org' }] },
      'attendees.1.email',
    ],
    ['javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['URL with CRLF', { url: 'https://example.org/\r\nATTENDEE:mailto:evil@x' }, 'url'],
    ['PRODID with CRLF', { productId: '-//X//EN\r\nATTENDEE:mailto:evil@x' }, 'productId'],
  ];

  it.each(cases)('%s', (_label, overrides, path) => {
    const error = expectError(createInvite(makeInviteOptions(overrides as Partial<InviteOptions>)));
    expect(error).toMatch(new RegExp(`(^|; )${path.replace(/\./g, '\\.')}: `));
  });

  it.each([null, undefined, 42, 'REQUEST', {}])('options = %j', (options) => {
    expect(() => createInvite(options as unknown as InviteOptions)).not.toThrow();
    expectError(createInvite(options as unknown as InviteOptions));
  });
});

describe('createInvite: CONFERENCE (RFC 7986)', () => {
  it('writes the join link with VALUE=URI, FEATURE and a quoted LABEL; refuses anything but http(s) or tel:+digits', () => {
    const result = createInvite(makeInviteOptions({ conference: { uri: 'https://meet.example.org/interview-x', feature: 'VIDEO', label: 'Video "call"; join' } }));
    if (!('value' in result)) throw new Error(result.error);
    // Unfolded (the line is longer than 75 octets).
    // The label in the same portable form as names in CN (typographic quotes, no `;`).
    expect(result.value.replace(/\r\n /g, '')).toContain(`CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL="Video \u201Ccall\u201D, join":https://meet.example.org/interview-x\r\n`);
    const conference = new ICAL.Component(ICAL.parse(result.value)).getFirstSubcomponent('vevent')!.getFirstProperty('conference')!;
    expect([conference.getFirstValue(), conference.getParameter('label')]).toEqual(['https://meet.example.org/interview-x', 'Video \u201Ccall\u201D, join']);
    for (const uri of ['javascript:alert(1)', 'https://meet.example.org/a b', 'tel:0041 22', 'https://x.example.org/\r\nATTENDEE:mailto:evil@example.org']) {
      expect(createInvite(makeInviteOptions({ conference: { uri, feature: 'VIDEO' } })), uri).toHaveProperty('error');
    }
    expect(createInvite(makeInviteOptions({ conference: { uri: 'tel:+41225550123', feature: 'PHONE' } }))).toHaveProperty('value');
  });
});

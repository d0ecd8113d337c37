// Spokespeople's own calendars, end to end on a real database: a real CalDAV
// server (Debian's Radicale, started here) and a local feed server serving
// Google- and Outlook-style feeds. The busy times stored, the free slots, the
// booking check and the planner are compared with what an independent reader
// (python icalendar + recurring_ical_events) computes from the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { signedInCaller } from '../support/sign-in';
import { startRadicale, freePort, RADICALE_PASSWORD, RADICALE_USER, type RunningRadicale } from '../support/calendars/radicale';
import { fixture, startFeedServer, type FeedServer } from '../support/calendars/feed-server';
import { independentBusy } from '../support/calendars/independent-reader';
import { syncConnection } from '../../server/calendars/sync-connection';
import { loadCalendars } from '../../server/availability/load-calendars';
import { computeCalendarSlots } from '../../server/availability/find-free-slots';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';
import { createMailTransport } from '../../server/mail/transport';
import { silentLogger } from '../support/context';
import { readBusyIntervals } from '../../server/calendars/read-busy-intervals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
let radicale: RunningRadicale;
let feeds: FeedServer;
let workCalendar: string;

const RADICALE_FILES = ['radicale-weekly.ics', 'radicale-allday.ics', 'radicale-transparent.ics', 'radicale-floating.ics', 'radicale-cancelled.ics'];
const HORIZON_DAYS = 60;
const DAY = 86_400_000;
/** What a sync reads: from a day before now to a week past the horizon (server/calendars/sync-connection.ts). */
const READ = { from: new Date(WORKFLOW_NOW.getTime() - DAY), to: new Date(WORKFLOW_NOW.getTime() + (HORIZON_DAYS + 7) * DAY) };

beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
  [radicale, feeds] = await Promise.all([startRadicale(), startFeedServer()]);
  workCalendar = await radicale.makeCalendar('work', RADICALE_FILES);
}, 60_000);
afterAll(async () => {
  await Promise.all([radicale?.stop(), feeds?.close()]);
  await database?.destroy();
});

/** A London spokesperson bookable around the clock, so every busy minute shows in the slots. */
async function londonSpokesperson() {
  return makeBookableSpokesperson(database, {
    timeZone: 'Europe/London',
    horizonDays: HORIZON_DAYS,
    weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00' })) },
  });
}

async function storedBusy(spokespersonId: string): Promise<[number, number][]> {
  const rows = await database.prisma.calendarBusy.findMany({ where: { spokespersonId }, select: { intervals: true } });
  return rows.flatMap((row) => row.intervals as [number, number][]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

async function calendarNotices() {
  return database.prisma.outboxMessage.findMany({ where: { kind: 'calendar_notice' }, select: { subject: true, recipient: true, interviewId: true }, orderBy: { id: 'asc' } });
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

async function offeredSlots(spokespersonId: string, from: string, to: string): Promise<[number, number][]> {
  const answer = await (await publicCaller(database)).availability.slots({ spokespersonId, from, to, timeZone: 'America/New_York', duration: 30 });
  return answer.days.flatMap((day) => day.slots.map((slot) => [Date.parse(slot.start), Date.parse(slot.end)] as [number, number]));
}

describe('CalDAV (Radicale)', () => {
  it('reads exactly the busy intervals the independent reader computes, and slots, booking check and planner respect them', async () => {
    const person = await londonSpokesperson();
    // Booked before the calendar was connected: 8 March 14:00Z is the weekly board meeting.
    const reporter = await publicCaller(database);
    const clashing = await reporter.requests.create(requestInput(person.id, '2027-03-08T14:00:00Z'));

    const discovered = await desk.caller.calendars.discover({ serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD });
    expect(discovered).toEqual([{ url: workCalendar, name: 'work' }]);
    const added = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Work', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD, calendars: discovered });
    expect(added.sync.outcome).toBe('synced');
    expect(added.connection).toMatchObject({ kind: 'caldav', label: 'Work', status: 'ok', lastError: null, calendars: [{ name: 'work' }] });

    const expected = independentBusy({ timeZone: 'Europe/London', ...READ, files: RADICALE_FILES });
    expect(expected.length).toBeGreaterThan(5);
    expect(await storedBusy(person.id)).toEqual(expected);

    // Slots: none overlaps a busy interval, and they are exactly what the engine offers with python's intervals.
    const window = { from: '2027-03-01T12:00:00Z', to: '2027-03-31T00:00:00Z' };
    const slots = await offeredSlots(person.id, window.from, window.to);
    expect(slots.length).toBeGreaterThan(1000);
    for (const busy of expected) expect(slots.filter((slot) => overlaps(slot, busy))).toEqual([]);
    const [calendar] = await loadCalendars({ db: database.prisma, where: { ids: [person.id] }, from: new Date(window.from), to: new Date(window.to) });
    const independent = computeCalendarSlots(
      { ...calendar!, engine: { ...calendar!.engine, calendarBusy: expected.map(([start, end]) => ({ start, end, calendar: 'python' })) } },
      { durationMinutes: 30, from: new Date(window.from), to: new Date(window.to), now: WORKFLOW_NOW },
    ).map((slot) => [slot.start, slot.end]);
    expect(slots).toEqual(independent);
    // The slot right before the moved occurrence (16 March 15:00Z) and right after it are offered: the edges are exact.
    expect(slots).toContainEqual([Date.parse('2027-03-16T14:30:00Z'), Date.parse('2027-03-16T15:00:00Z')]);
    expect(slots).toContainEqual([Date.parse('2027-03-16T16:30:00Z'), Date.parse('2027-03-16T17:00:00Z')]);

    // The booking check refuses the approval, naming the calendar; the desk may override, and that is audited.
    const refused = (await desk.caller.desk.requests.approve({ requestId: clashing.requestId }).then(() => new Error("approved"), (error: unknown) => error)) as Error;
    expect(appCodeOf(refused)).toBe('EXTERNAL_CONFLICT');
    expect(refused.message).toContain('"Work: work"');
    const approved = await desk.caller.desk.requests.approve({ requestId: clashing.requestId, overrideCalendar: true });
    expect(approved.status).toBe('approved');
    const audit = await database.prisma.auditEvent.findFirst({ where: { entityId: clashing.requestId, action: 'request.approve' }, select: { after: true } });
    expect(JSON.stringify(audit!.after)).toContain('overrideCalendar');
    // Reporters cannot book into a busy time at all.
    const refusedReporter = await reporter.requests.create(requestInput(person.id, '2027-03-10T12:00:00Z')).catch((error: unknown) => error);
    expect(appCodeOf(refusedReporter)).toBe('EXTERNAL_CONFLICT');

    // The planner shows the same intervals as "Busy (calendar)" blocks of that calendar.
    const planner = await desk.caller.desk.planner({ from: '2027-03-09T00:00:00Z', to: '2027-03-17T00:00:00Z', timeZone: 'Europe/London', spokespersonIds: [person.id] });
    // 9–17 March: the all-day event, the floating dentist and the moved board meeting; not the transparent or cancelled ones.
    const inPlanner = planner.spokespeople[0]!.calendarBusy.map((busy) => [Date.parse(busy.start), Date.parse(busy.end)]);
    expect(inPlanner).toHaveLength(3);
    expect(inPlanner).toEqual(expected.filter((busy) => overlaps(busy, [Date.parse('2027-03-09T00:00:00Z'), Date.parse('2027-03-17T00:00:00Z')])));
    expect(new Set(planner.spokespeople[0]!.calendarBusy.map((busy) => busy.calendar))).toEqual(new Set(['Work: work']));

    // Nothing but times is stored, and no procedure gives the password back.
    const everything = JSON.stringify([await database.prisma.calendarBusy.findMany({ where: { spokespersonId: person.id } }), await desk.caller.calendars.list({ spokespersonId: person.id })]);
    expect(everything).not.toContain('Board meeting');
    expect(everything).not.toContain(RADICALE_PASSWORD);
    const stored = await database.prisma.calendarConnection.findUniqueOrThrow({ where: { id: added.connection.id } });
    expect(stored.secret).not.toContain(RADICALE_PASSWORD);
    expect(stored.secret.startsWith('v1.')).toBe(true);
  });

  it('costs one request when the calendar is unchanged (ctag), reads changes, and tells the desk about a new clash with an interview', async () => {
    const person = await londonSpokesperson();
    const calendarUrl = await radicale.makeCalendar(`clash-${person.id}`, ['radicale-floating.ics']);
    const { connection } = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Private', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD, calendars: [{ url: calendarUrl, name: 'clash' }] });
    expect((await desk.caller.calendars.syncNow({ connectionId: connection.id })).sync.outcome).toBe('unchanged');

    const reporter = await publicCaller(database);
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-20T10:00:00Z'));
    await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const before = (await calendarNotices()).length;
    // Slots asked before the new event, so the server has this calendar's busy times in memory.
    const flightTime: [number, number] = [Date.parse('2027-03-20T09:30:00Z'), Date.parse('2027-03-20T12:00:00Z')];
    const day = ['2027-03-20T00:00:00Z', '2027-03-21T00:00:00Z'] as const;
    expect((await offeredSlots(person.id, ...day)).some((slot) => overlaps(slot, flightTime))).toBe(true);
    await radicale.put(calendarUrl, 'flight.ics', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', 'BEGIN:VEVENT', 'UID:flight@example.org', 'DTSTAMP:20270101T000000Z', 'DTSTART:20270320T093000Z', 'DTEND:20270320T120000Z', 'SUMMARY:Flight', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    expect((await desk.caller.calendars.syncNow({ connectionId: connection.id })).sync.outcome).toBe('synced');
    expect(await storedBusy(person.id)).toContainEqual(flightTime);
    // The synced event removes its slots at once: what the server kept in memory is the replaced row, not this one.
    const after = await offeredSlots(person.id, ...day);
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((slot) => overlaps(slot, flightTime))).toBe(false);
    const notices = (await calendarNotices()).slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toContain(created.reference);
    // The same event read again is not news.
    await database.prisma.calendarConnection.update({ where: { id: connection.id }, data: { calendars: [{ url: calendarUrl, name: 'clash', ctag: null }] } });
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect((await calendarNotices()).length).toBe(before + 1);
  });

  it('flags a booked interview that a newly synced event overlaps, until the event goes away or the interview moves', async () => {
    const person = await londonSpokesperson();
    const calendarUrl = await radicale.makeCalendar(`flag-${person.id}`, []);
    const { connection } = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Private', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD, calendars: [{ url: calendarUrl, name: 'travel' }] });
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-22T10:00:00Z'));
    const interviewId = (await desk.caller.desk.requests.approve({ requestId: created.requestId })).interview!.id;
    const flagOf = async () => {
      const [one, listed, request] = await Promise.all([
        desk.caller.desk.interviews.get({ interviewId }),
        desk.caller.desk.interviews.list({ spokespersonId: person.id, order: 'asc', limit: 10 }),
        desk.caller.desk.requests.get({ requestId: created.requestId }),
      ]);
      expect(listed.find((row) => row.id === interviewId)!.calendarClash).toEqual(one.calendarClash);
      expect(request.calendarClash).toEqual(one.calendarClash);
      return one.calendarClash;
    };
    expect(await flagOf()).toBeNull();

    const flight = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', 'BEGIN:VEVENT', 'UID:flight-22@example.org', 'DTSTAMP:20270101T000000Z', 'DTSTART:20270322T093000Z', 'DTEND:20270322T120000Z', 'SUMMARY:Flight', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    await radicale.put(calendarUrl, 'flight.ics', flight);
    const later = new Date(WORKFLOW_NOW.getTime() + 20 * 60_000);
    await syncConnection({ db: database.prisma, config: workflowConfig(database), now: later }, connection.id);
    expect(await flagOf()).toEqual({ calendar: 'Private: travel', start: '2027-03-22T09:30:00.000Z', end: '2027-03-22T12:00:00.000Z', syncedAt: later.toISOString() });

    // The event is deleted: the next sync clears the flag.
    await radicale.remove(calendarUrl, 'flight.ics');
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect(await flagOf()).toBeNull();

    // Back again, then the interview moves clear of it: no flag either.
    await radicale.put(calendarUrl, 'flight.ics', flight);
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect((await flagOf())?.calendar).toBe('Private: travel');
    await desk.caller.desk.interviews.reschedule({ interviewId, start: '2027-03-22T14:00:00Z' });
    expect(await flagOf()).toBeNull();
  });

  it('writes confirmed interviews into the chosen calendar through the outbox: created, moved, removed; never read back as busy', async () => {
    const person = await londonSpokesperson();
    const [readUrl, writeUrl] = [await radicale.makeCalendar(`read-${person.id}`, []), await radicale.makeCalendar(`desk-${person.id}`, [])];
    const { connection } = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'iCloud', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD, calendars: [{ url: readUrl, name: 'Home' }, { url: writeUrl, name: 'Interviews' }] });
    // Booked before write-back was chosen: written when it is.
    const reporter = await publicCaller(database);
    const earlier = await reporter.requests.create(requestInput(person.id, '2027-03-23T09:00:00Z'));
    await desk.caller.desk.requests.approve({ requestId: earlier.requestId });
    const chosen = await desk.caller.calendars.setWriteCalendar({ connectionId: connection.id, calendarIndex: 1 });
    expect(chosen.calendars).toEqual([{ name: 'Home', writeBack: false }, { name: 'Interviews', writeBack: true }]);

    const transport = createMailTransport({ outboxDir: mkdtempSync(join(tmpdir(), 'write-back-')) });
    const deliver = async () => {
      const result = await deliverDueMessages({ database, transport, config: workflowConfig(database), logger: silentLogger, now: new Date(WORKFLOW_NOW.getTime() + 3_600_000) });
      expect(result.retried + result.dead).toBe(0);
    };
    // What the written calendar holds, read back as busy times (UID → [start, end]).
    const written = async () => {
      const objects = await radicale.objects(writeUrl);
      return new Map([...objects].map(([name, text]) => [name, readBusyIntervals(text, { timeZone: 'Europe/London', from: 0, to: Date.parse('2028-01-01T00:00:00Z') }).map((busy) => [new Date(busy.start).toISOString(), new Date(busy.end).toISOString()])]));
    };
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-24T10:00:00Z'));
    const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const [first, second] = await Promise.all([database.prisma.interview.findUniqueOrThrow({ where: { requestId: earlier.requestId } }), database.prisma.interview.findUniqueOrThrow({ where: { id: approved.interview!.id } })]);
    await deliver();
    expect(await written()).toEqual(
      new Map([
        [`${first.inviteUid}.ics`, [['2027-03-23T09:00:00.000Z', '2027-03-23T09:30:00.000Z']]],
        [`${second.inviteUid}.ics`, [['2027-03-24T10:00:00.000Z', '2027-03-24T10:30:00.000Z']]],
      ]),
    );
    const stored = (await radicale.objects(writeUrl)).get(`${second.inviteUid}.ics`)!;
    expect(stored).toContain(`UID:${second.inviteUid}`);
    expect(stored).not.toMatch(/^(METHOD|ATTENDEE|ORGANIZER)/m);

    // The sync reads the written calendar too, but not the interviews as busy times: no conflict with themselves.
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect(await storedBusy(person.id)).toEqual([]);
    expect((await desk.caller.desk.interviews.get({ interviewId: second.id })).calendarClash).toBeNull();

    // Rescheduled: the same event, at the new time.
    await desk.caller.desk.interviews.reschedule({ interviewId: second.id, start: '2027-03-24T13:00:00Z' });
    await deliver();
    expect((await written()).get(`${second.inviteUid}.ics`)).toEqual([['2027-03-24T13:00:00.000Z', '2027-03-24T13:30:00.000Z']]);
    // Moving it again is not refused as a conflict with its own written event.
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    await desk.caller.desk.interviews.reschedule({ interviewId: second.id, start: '2027-03-24T13:15:00Z' });
    await deliver();

    // Cancelled: removed.
    await desk.caller.desk.interviews.cancel({ interviewId: second.id, reason: 'The minister is travelling' });
    await deliver();
    expect([...(await written()).keys()]).toEqual([`${first.inviteUid}.ics`]);

    // Another calendar chosen: the interview moves there; none: it is removed.
    await desk.caller.calendars.setWriteCalendar({ connectionId: connection.id, calendarIndex: 0 });
    await deliver();
    expect((await written()).size).toBe(0);
    expect([...(await radicale.objects(readUrl)).keys()]).toEqual([`${first.inviteUid}.ics`]);
    await desk.caller.calendars.setWriteCalendar({ connectionId: connection.id, calendarIndex: null });
    await deliver();
    expect((await radicale.objects(readUrl)).size).toBe(0);
    const audit = await database.prisma.auditEvent.findMany({ where: { entityId: connection.id, action: 'calendar.set_write_back' }, select: { after: true }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((event) => event.after)).toEqual([{ calendar: 'Interviews' }, { calendar: 'Home' }, { calendar: null }]);
  });

  it('a wrong password makes the write a retry, never a lost write', async () => {
    const person = await londonSpokesperson();
    const writeUrl = await radicale.makeCalendar(`retry-${person.id}`, []);
    const { connection } = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Old password', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: 'revoked', calendars: [{ url: writeUrl, name: 'Interviews' }] });
    await desk.caller.calendars.setWriteCalendar({ connectionId: connection.id, calendarIndex: 0 });
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-25T10:00:00Z'));
    await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const transport = createMailTransport({ outboxDir: mkdtempSync(join(tmpdir(), 'write-back-')) });
    await deliverDueMessages({ database, transport, config: workflowConfig(database), logger: silentLogger, now: new Date(WORKFLOW_NOW.getTime() + 3_600_000) });
    const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'calendar_write', recipient: `calendar:${connection.id}` } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('authentication failed');
    expect((await radicale.objects(writeUrl)).size).toBe(0);
  });

  it('reports a wrong password once, keeps slots working, and a spokesperson sees only their own connections', async () => {
    const person = await londonSpokesperson();
    const before = (await calendarNotices()).length;
    const own = await signedInCaller(database, 'spokesperson', { spokespersonId: person.id, now: () => WORKFLOW_NOW, config: workflowConfig(database) });
    const added = await own.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Work', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: 'wrong password', calendars: [{ url: workCalendar, name: 'work' }] });
    expect(added.sync.outcome).toBe('failed');
    expect(added.connection).toMatchObject({ status: 'failing', lastError: 'auth_failed', lastSyncedAt: null });
    expect(added.connection.lastErrorText).toContain('authentication failed');
    await own.caller.calendars.syncNow({ connectionId: added.connection.id });
    await syncConnection({ db: database.prisma, config: workflowConfig(database), now: new Date(WORKFLOW_NOW.getTime() + 10 * 60_000) }, added.connection.id);
    expect((await calendarNotices()).length).toBe(before + 1);
    expect((await offeredSlots(person.id, '2027-03-02T00:00:00Z', '2027-03-03T00:00:00Z')).length).toBe(96 - 1);

    const listed = await own.caller.calendars.list({});
    expect(listed.map((connection) => connection.spokespersonId)).toEqual([person.id]);
    const other = await londonSpokesperson();
    const forbidden = await own.caller.calendars.addFeed({ spokespersonId: other.id, label: 'Not mine', url: `${feeds.url}/x.ics` }).catch((error: unknown) => error);
    expect(appCodeOf(forbidden)).toBe('FORBIDDEN');
  });

  it('reports an unreachable server as such', async () => {
    const person = await londonSpokesperson();
    const port = await freePort();
    const added = await desk.caller.calendars.addCalDav({ spokespersonId: person.id, label: 'Gone', serverUrl: `http://127.0.0.1:${port}/`, username: 'a', password: 'b', calendars: [{ url: `http://127.0.0.1:${port}/a/work/`, name: 'work' }] });
    expect(added.connection).toMatchObject({ status: 'failing', lastError: 'unreachable' });
  });
});

describe('calendar feeds', () => {
  it('reads Google- and Outlook-style feeds (Windows zone names) as the independent reader does, with conditional GETs', async () => {
    const person = await londonSpokesperson();
    feeds.feeds.set(`/google-${person.id}.ics`, fixture('google-feed.ics'));
    feeds.feeds.set(`/outlook-${person.id}.ics`, fixture('outlook-feed.ics'));
    const google = await desk.caller.calendars.addFeed({ spokespersonId: person.id, label: 'Google', url: `${feeds.url}/google-${person.id}.ics` });
    const outlook = await desk.caller.calendars.addFeed({ spokespersonId: person.id, label: 'Outlook', url: `${feeds.url}/outlook-${person.id}.ics` });
    expect([google.sync.outcome, outlook.sync.outcome]).toEqual(['synced', 'synced']);
    expect(await storedBusy(person.id)).toEqual(independentBusy({ timeZone: 'Europe/London', ...READ, files: ['google-feed.ics', 'outlook-feed.ics'] }));

    expect((await desk.caller.calendars.syncNow({ connectionId: google.connection.id })).sync.outcome).toBe('unchanged');
    expect(feeds.hits.get(`/google-${person.id}.ics`)).toEqual({ total: 2, notModified: 1 });
    // The secret URL is never given back.
    expect(JSON.stringify(await desk.caller.calendars.list({ spokespersonId: person.id }))).not.toContain(`google-${person.id}`);

    // Removing the connection frees the time at once.
    const busyBefore = (await storedBusy(person.id)).length;
    await desk.caller.calendars.remove({ connectionId: outlook.connection.id });
    expect((await storedBusy(person.id)).length).toBeLessThan(busyBefore);
  });

  it('keeps the last good busy times when the feed turns into an HTML page, tells the desk once, and recovers', async () => {
    const person = await londonSpokesperson();
    const path = `/flaky-${person.id}.ics`;
    feeds.feeds.set(path, fixture('google-feed.ics'));
    const { connection } = await desk.caller.calendars.addFeed({ spokespersonId: person.id, label: 'Google', url: `${feeds.url}${path}` });
    const good = await storedBusy(person.id);
    expect(good.length).toBeGreaterThan(5);
    const before = (await calendarNotices()).length;

    feeds.feeds.set(path, { html: '<!doctype html><title>Sign in – Google Accounts</title>' });
    // The horizon moved on: a full read is forced past the ETag.
    await database.prisma.calendarConnection.update({ where: { id: connection.id }, data: { syncedUntil: null } });
    const failed = await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect(failed.sync.outcome).toBe('failed');
    expect(failed.connection).toMatchObject({ status: 'failing', lastError: 'malformed' });
    expect(failed.connection.lastSyncedAt).toBe(WORKFLOW_NOW.toISOString());
    expect(await storedBusy(person.id)).toEqual(good);
    feeds.feeds.set(path, { status: 500 });
    expect((await desk.caller.calendars.syncNow({ connectionId: connection.id })).connection.lastError).toBe('server_error');
    expect((await calendarNotices()).length).toBe(before + 1);
    // Slots still answer, from the last good busy times.
    const slots = await offeredSlots(person.id, '2027-03-24T00:00:00Z', '2027-03-25T00:00:00Z');
    expect(slots.some((slot) => overlaps(slot, [Date.parse('2027-03-24T12:00:00Z'), Date.parse('2027-03-24T13:30:00Z')]))).toBe(false);

    feeds.feeds.set(path, fixture('google-feed.ics'));
    const recovered = await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect(recovered.connection).toMatchObject({ status: 'ok', lastError: null });
    // A new failure episode is a new notice.
    feeds.feeds.set(path, { html: '<html></html>' });
    await database.prisma.calendarConnection.update({ where: { id: connection.id }, data: { syncedUntil: null } });
    await desk.caller.calendars.syncNow({ connectionId: connection.id });
    expect((await calendarNotices()).length).toBe(before + 2);
  });

  it('syncs one connection at a time across instances (lease)', async () => {
    const person = await londonSpokesperson();
    feeds.feeds.set(`/lease-${person.id}.ics`, fixture('google-feed.ics'));
    const { connection } = await desk.caller.calendars.addFeed({ spokespersonId: person.id, label: 'Google', url: `${feeds.url}/lease-${person.id}.ics` });
    const context = { db: database.prisma, config: workflowConfig(database), now: WORKFLOW_NOW };
    const outcomes = await Promise.all([syncConnection(context, connection.id), syncConnection(context, connection.id), syncConnection(context, connection.id)]);
    expect(outcomes.filter((outcome) => outcome.outcome === 'busy').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((outcome) => outcome.outcome !== 'busy').length).toBeGreaterThanOrEqual(1);
    const row = await database.prisma.calendarConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.leaseUntil).toBeNull();
  });

  it('refuses addresses that are not http(s) or webcal', async () => {
    const person = await londonSpokesperson();
    const error = await desk.caller.calendars.addFeed({ spokespersonId: person.id, label: 'x', url: 'file:///etc/passwd' }).catch((caught: unknown) => caught);
    expect(appCodeOf(error)).toBe('VALIDATION_FAILED');
  });
});

describe('key rotation', () => {
  it('re-seals every stored secret (calendar credentials and webhook endpoint secrets) for a new server secret, and back, losing none', async () => {
    const { getServerSecret } = await import('../../server/secrets');
    const { resealCalendarSecrets } = await import('../../server/calendars/reseal-secrets');
    const { calendarKeyFrom, openSecret } = await import('../../server/calendars/secret-box');
    const { randomBytes } = await import('node:crypto');
    const current = await getServerSecret(database.prisma);
    const next = randomBytes(32);
    const { sealEndpointSecret, bindingOf } = await import('../../server/webhooks/endpoint-secret');
    // A webhook endpoint's signing secret is sealed with the same key and must survive too.
    const endpoint = { id: 'reseal-endpoint' };
    await database.prisma.webhookEndpoint.create({ data: { id: endpoint.id, kind: 'webhook', url: 'https://hooks.example.org/desk', events: ['request.created'], secret: sealEndpointSecret(endpoint.id, 'whsec_reseal-me'), createdAt: WORKFLOW_NOW, updatedAt: WORKFLOW_NOW } });
    const count = await database.prisma.calendarConnection.count();
    const webhooks = await database.prisma.webhookEndpoint.count();
    expect(await resealCalendarSecrets({ db: database.prisma, oldSecret: current, newSecret: next })).toEqual({ resealed: count, unchanged: 0, webhooks: { resealed: webhooks, unchanged: 0 } });
    const rows = await database.prisma.calendarConnection.findMany({ select: { id: true, secret: true } });
    for (const row of rows) expect(JSON.parse(openSecret(calendarKeyFrom(next), row.id, row.secret))).toBeTypeOf('object');
    const sealed = await database.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(openSecret(calendarKeyFrom(next), bindingOf(endpoint.id), sealed.secret)).toBe('whsec_reseal-me');
    // Run twice by mistake: nothing changes.
    expect(await resealCalendarSecrets({ db: database.prisma, oldSecret: current, newSecret: next })).toEqual({ resealed: 0, unchanged: count, webhooks: { resealed: 0, unchanged: webhooks } });
    await resealCalendarSecrets({ db: database.prisma, oldSecret: next, newSecret: current });
    await database.prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });
});

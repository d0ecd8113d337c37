// The console's bookings: one interview or request by id whatever its status,
// meeting details changed after approval (same UID, SEQUENCE + 1 to both
// attendees), overrides that would take away booked hours, reassigning outside
// the new spokesperson's hours, advice before committing a time, the outbox's
// rendered messages, and no raw UTC instants in any email subject or text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { signedInCaller } from '../support/sign-in';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW, workflowNow } from '../support/workflow';
import { createMailTransport } from '../../server/mail/transport';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
});
afterAll(() => database.destroy());

async function book(start: string, options: { format?: 'video' | 'phone'; formatDetails?: Record<string, string>; spokesperson?: Record<string, unknown> } = {}) {
  const person = await makeBookableSpokesperson(database, options.spokesperson);
  const created = await (await publicCaller(database)).requests.create(requestInput(person.id, start, { format: options.format ?? 'video', ...(options.format === 'phone' ? { reporter: { name: 'Dana', email: `dana-${Date.now()}@example.org`, outlet: 'Wire', timeZone: 'America/New_York', phone: '+12025550104' } } : {}) }));
  const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId, ...(options.formatDetails ? { formatDetails: options.formatDetails } : {}) });
  return { person, created, interviewId: approved.interview!.id, uid: approved.interview!.inviteUid };
}

/** Delivers what is due through the file transport; the parsed emails, for one interview if given. */
async function deliverToFiles() {
  const outboxDir = mkdtempSync(join(tmpdir(), 'bookings-'));
  await deliverDueMessages({ database, transport: createMailTransport({ outboxDir }), config: workflowConfig(database), logger: silentLogger, now: WORKFLOW_NOW, batchSize: 200 });
  return Promise.all(readdirSync(outboxDir).filter((name) => name.endsWith('.eml')).map((name) => simpleParser(readFileSync(join(outboxDir, name)))));
}

function readInvite(text: string) {
  const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const parsed = Object.values(nodeIcal.sync.parseICS(text)).find((entry) => (entry as { type?: string }).type === 'VEVENT') as { uid: string; sequence: string | number; location: string };
  return {
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    location: String(event.getFirstPropertyValue('location')),
    nodeIcal: { uid: parsed.uid, sequence: Number(parsed.sequence), location: parsed.location },
  };
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('desk.interviews.updateMeetingDetails', () => {
  it('a video link given after approval goes to both attendees as an update: same UID, SEQUENCE 1, the link in LOCATION', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    const { interviewId, uid } = await book('2027-03-22T09:00:00Z');
    const before = await desk.caller.desk.interviews.get({ interviewId });
    expect(before).toMatchObject({ inviteSequence: 0, formatDetails: {} });

    const updated = await desk.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'https://meet.example.org/desk-42', notes: '' } });
    expect(updated).toMatchObject({ inviteUid: uid, inviteSequence: 1, status: 'confirmed', formatDetails: { videoUrl: 'https://meet.example.org/desk-42' } });
    // The same details again change nothing and send nothing.
    expect(await desk.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'https://meet.example.org/desk-42' } })).toMatchObject({ inviteSequence: 1 });

    const mails = await deliverToFiles();
    const invites = mails.flatMap((mail) => mail.attachments.filter((part) => part.filename === 'invite.ics').map((part) => ({ to: (mail.to as { text: string }).text, subject: mail.subject ?? '', ...readInvite(part.content.toString('utf8')) })));
    expect(invites).toHaveLength(4);
    const first = invites.filter((invite) => invite.sequence === 0);
    const second = invites.filter((invite) => invite.sequence === 1);
    expect(first.map((invite) => invite.location)).toEqual(['Video call: link to follow from the press office', 'Video call: link to follow from the press office']);
    expect(second).toHaveLength(2);
    for (const invite of second) {
      expect(invite.uid).toBe(uid);
      expect(invite.nodeIcal).toEqual({ uid, sequence: 1, location: 'Video call: https://meet.example.org/desk-42' });
      expect(invite.location).toBe('Video call: https://meet.example.org/desk-42');
      expect(invite.subject).toMatch(/^Updated: /);
    }
    // One copy to the reporter, one to the spokesperson.
    expect(new Set(second.map((invite) => invite.to)).size).toBe(2);
  });

  it('refuses a cancelled interview and a link that is not http(s)', async () => {
    const { interviewId } = await book('2027-03-22T10:00:00Z');
    await expect(desk.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'javascript:alert(1)' } })).rejects.toSatisfy((error) => appCodeOf(error) === 'VALIDATION_FAILED');
    await desk.caller.desk.interviews.cancel({ interviewId, reason: 'Spokesperson travelling' });
    await expect(desk.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'https://meet.example.org/late' } })).rejects.toSatisfy((error) => appCodeOf(error) === 'INVALID_TRANSITION');
  });

  it('only press officers may change meeting details', async () => {
    const { interviewId, person } = await book('2027-03-22T11:00:00Z');
    const spokesperson = await signedInCaller(database, 'spokesperson', { spokespersonId: person.id, now: workflowNow, config: workflowConfig(database) });
    await expect(spokesperson.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'https://meet.example.org/x' } })).rejects.toSatisfy((error) => appCodeOf(error) === 'FORBIDDEN');
  });
});

describe('deep links: one record whatever its status', () => {
  it('desk.interviews.get and desk.requests.get open cancelled and declined records; unknown ids are NOT_FOUND', async () => {
    const { interviewId, created } = await book('2027-03-23T09:00:00Z');
    await desk.caller.desk.interviews.cancel({ interviewId, reason: 'Clash with a summit' });
    const interview = await desk.caller.desk.interviews.get({ interviewId });
    expect(interview).toMatchObject({ id: interviewId, status: 'cancelled', started: false, ended: false, durationMinutes: 30, request: { id: created.requestId, status: 'cancelled', statusReason: 'Clash with a summit' } });
    expect(interview.start).toMatchObject({ utc: '2027-03-23T09:00:00.000Z', reporter: '2027-03-23T05:00:00-04:00', spokesperson: '2027-03-23T10:00:00+01:00' });

    const person = await makeBookableSpokesperson(database);
    const declined = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-23T12:00:00Z'));
    await desk.caller.desk.requests.decline({ requestId: declined.requestId, reason: 'Not our topic' });
    expect(await desk.caller.desk.requests.get({ requestId: declined.requestId })).toMatchObject({ id: declined.requestId, status: 'declined', statusReason: 'Not our topic' });

    await expect(desk.caller.desk.interviews.get({ interviewId: 'no-such-interview' })).rejects.toSatisfy((error) => appCodeOf(error) === 'NOT_FOUND');
    await expect(desk.caller.desk.requests.get({ requestId: 'no-such-request' })).rejects.toSatisfy((error) => appCodeOf(error) === 'NOT_FOUND');
  });

  it('lists past interviews most recent first, filtered by spokesperson and status', async () => {
    const person = await makeBookableSpokesperson(database);
    for (const start of ['2027-03-24T09:00:00Z', '2027-03-25T09:00:00Z', '2027-03-26T09:00:00Z']) {
      const created = await (await publicCaller(database)).requests.create(requestInput(person.id, start));
      await desk.caller.desk.requests.approve({ requestId: created.requestId });
    }
    const newestFirst = await desk.caller.desk.interviews.list({ spokespersonId: person.id, order: 'desc' });
    expect(newestFirst.map((interview) => interview.start.utc)).toEqual(['2027-03-26T09:00:00.000Z', '2027-03-25T09:00:00.000Z', '2027-03-24T09:00:00.000Z']);
    await desk.caller.desk.interviews.cancel({ interviewId: newestFirst[0]!.id, reason: 'Moved to print' });
    const confirmed = await desk.caller.desk.interviews.list({ spokespersonId: person.id, status: ['confirmed', 'rescheduled'], from: '2027-03-24T12:00:00Z' });
    expect(confirmed.map((interview) => interview.start.utc)).toEqual(['2027-03-25T09:00:00.000Z']);
  });
});

describe('overrides over booked interviews (as time off)', () => {
  it('an override that makes a booked day unavailable is refused, naming the interview; one that keeps its hours is saved', async () => {
    const { person, created } = await book('2027-03-29T09:00:00Z');
    const admin = await deskCaller(database, 'admin');
    // 29 March in Zurich: the interview is 11:00–11:30 local (CEST).
    await expect(admin.caller.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-03-29', ranges: [] })).rejects.toSatisfy(
      (error) => appCodeOf(error) === 'SLOT_TAKEN' && String((error as Error).message).includes(created.reference),
    );
    await expect(admin.caller.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-03-29', ranges: [{ start: '14:00', end: '18:00' }] })).rejects.toSatisfy((error) => appCodeOf(error) === 'SLOT_TAKEN');
    // Time off over the same interview is refused the same way.
    await expect(admin.caller.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-03-29T00:00:00Z', end: '2027-03-29T22:00:00Z' })).rejects.toSatisfy((error) => appCodeOf(error) === 'SLOT_TAKEN');
    const managed = await admin.caller.spokespeople.getManaged({ id: person.id });
    expect(managed.overrides).toEqual([]);

    expect(await admin.caller.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-03-29', ranges: [{ start: '10:00', end: '12:00' }] })).toMatchObject({ date: '2027-03-29' });
    // Another date is not affected.
    expect(await admin.caller.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-03-31', ranges: [] })).toMatchObject({ date: '2027-03-31' });
  });

  it('the availability editor’s save (setAvailability with overrides) is refused the same way', async () => {
    const { person, created } = await book('2027-03-30T09:00:00Z');
    const admin = await deskCaller(database, 'admin');
    const weeklyRules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
    await expect(admin.caller.spokespeople.setAvailability({ spokespersonId: person.id, weeklyRules, overrides: [{ date: '2027-03-30', ranges: [] }] })).rejects.toSatisfy(
      (error) => appCodeOf(error) === 'SLOT_TAKEN' && String((error as Error).message).includes(created.reference),
    );
    expect((await admin.caller.spokespeople.getManaged({ id: person.id })).overrides).toEqual([]);
    await admin.caller.spokespeople.setAvailability({ spokespersonId: person.id, weeklyRules, overrides: [{ date: '2027-04-01', ranges: [] }] });
    expect((await admin.caller.spokespeople.getManaged({ id: person.id })).overrides.map((override) => override.date)).toEqual(['2027-04-01']);
  });
});

describe('reassign and desk.checkTime', () => {
  it('reassigning to someone whose hours do not cover the time is refused, says so in advance, and goes through with the override', async () => {
    const first = await makeBookableSpokesperson(database);
    // Mornings only in Zurich.
    const mornings = await makeBookableSpokesperson(database, { name: 'Morning Person', weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '12:00' })) } });
    // 15:00 in Zurich.
    const created = await (await publicCaller(database)).requests.create(requestInput(first.id, '2027-03-22T14:00:00Z'));
    const advice = await desk.caller.desk.checkTime({ spokespersonId: mornings.id, start: '2027-03-22T14:00:00Z', durationMinutes: 30, excludeRequestId: created.requestId });
    expect(advice).toMatchObject({ bookable: false, outsideHours: true, code: 'VALIDATION_FAILED' });
    expect(advice.message).toContain('outside Morning Person');
    expect(await desk.caller.desk.checkTime({ spokespersonId: mornings.id, start: '2027-03-22T09:00:00Z', durationMinutes: 30 })).toEqual({ bookable: true, outsideHours: false, message: null, code: null });

    await expect(desk.caller.desk.requests.reassign({ requestId: created.requestId, spokespersonId: mornings.id })).rejects.toSatisfy((error) => appCodeOf(error) === 'VALIDATION_FAILED');
    const moved = await desk.caller.desk.requests.reassign({ requestId: created.requestId, spokespersonId: mornings.id, overrideHours: true });
    expect(moved.spokesperson?.id).toBe(mornings.id);
    const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId, overrideHours: true });
    expect(approved.interview?.start.utc).toBe('2027-03-22T14:00:00.000Z');
    // Now taken: not bookable, and overriding hours would not help.
    expect(await desk.caller.desk.checkTime({ spokespersonId: mornings.id, start: '2027-03-22T14:00:00Z', durationMinutes: 30 })).toMatchObject({ bookable: false, outsideHours: false, code: 'SLOT_TAKEN' });
  });
});

describe('outbox.get and the emails', () => {
  it('renders one message with headers, text, HTML and its calendar part; says where messages go', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    const { created, interviewId } = await book('2027-03-23T15:00:00Z', { formatDetails: { videoUrl: 'https://meet.example.org/abc' } });
    const rows = await desk.caller.outbox.list({});
    const invite = rows.find((row) => row.kind === 'invite' && row.interviewId === interviewId && row.recipient.startsWith('reporter-'))!;
    const shown = await desk.caller.outbox.get({ id: invite.id });
    expect(shown.delivery).toBe('file');
    expect(shown.headers.to).toContain(invite.recipient);
    expect(shown.headers.subject).toMatch(/^Interview confirmed: /);
    expect(shown.html).toContain('https://meet.example.org/abc');
    expect(shown.text).toContain(created.reference);
    expect(shown.calendar?.method).toBe('REQUEST');
    expect(readInvite(shown.calendar!.content)).toMatchObject({ sequence: 0, location: 'Video call: https://meet.example.org/abc' });
    expect(shown.attachments.map((attachment) => attachment.filename)).toEqual(['invite.ics']);
    expect(shown.attachments[0]!.content).toBe(shown.calendar!.content);

    const deskCopy = rows.find((row) => row.kind === 'request_new' && row.requestId === created.requestId)!;
    expect((await desk.caller.outbox.get({ id: deskCopy.id })).html).toContain(`http://desk.test/desk/requests/${created.requestId}`);
    expect(await desk.caller.outbox.delivery()).toEqual({ delivery: 'file' });
    const withSmtp = await signedInCaller(database, 'press_officer', { now: workflowNow, config: workflowConfig(database, { SMTP_URL: 'smtp://127.0.0.1:2525' }) });
    expect(await withSmtp.caller.outbox.delivery()).toEqual({ delivery: 'smtp' });
    await expect(desk.caller.outbox.get({ id: 'no-such-message' })).rejects.toSatisfy((error) => appCodeOf(error) === 'NOT_FOUND');
  });

  it('no email subject or text carries a raw UTC instant, whatever the workflow step; the desk is linked to the record', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    const reporter = await publicCaller(database);
    const { interviewId } = await book('2027-03-24T15:00:00Z');
    await desk.caller.desk.interviews.reschedule({ interviewId, start: '2027-03-24T16:00:00Z' });
    await desk.caller.desk.interviews.updateMeetingDetails({ interviewId, formatDetails: { videoUrl: 'https://meet.example.org/q' } });
    await desk.caller.desk.interviews.cancel({ interviewId, reason: 'Cancelled by the newsroom' });
    const person = await makeBookableSpokesperson(database);
    const proposed = await reporter.requests.create(requestInput(person.id, '2027-03-25T09:00:00Z'));
    await desk.caller.desk.requests.propose({ requestId: proposed.requestId, slots: [{ start: '2027-03-25T13:00:00Z' }] });
    await reporter.requests.pickProposal({ reference: proposed.reference, token: proposed.manageToken, index: 0 });
    const declined = await reporter.requests.create(requestInput(person.id, '2027-03-26T09:00:00Z'));
    await desk.caller.desk.requests.decline({ requestId: declined.requestId, reason: 'No' });
    const withdrawn = await reporter.requests.create(requestInput(person.id, '2027-03-26T11:00:00Z'));
    await reporter.requests.cancel({ reference: withdrawn.reference, token: withdrawn.manageToken, reason: 'Story dropped' });

    const rows = await database.prisma.outboxMessage.findMany({ select: { id: true, kind: true, subject: true, requestId: true } });
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['request_received', 'request_new', 'invite', 'invite_cancel', 'request_cancelled', 'request_proposed', 'proposal_picked', 'request_declined']));
    for (const row of rows) {
      expect(row.subject, row.kind).not.toMatch(ISO_INSTANT);
      const shown = await desk.caller.outbox.get({ id: row.id });
      expect(shown.renderError, row.kind).toBeNull();
      expect(shown.headers.subject, row.kind).not.toMatch(ISO_INSTANT);
      expect(shown.text, row.kind).not.toMatch(ISO_INSTANT);
    }
    // The desk's note about a picked proposal that booked at once links to the interview.
    const picked = rows.find((row) => row.kind === 'proposal_picked')!;
    const bookedInterview = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: proposed.requestId }, select: { id: true } });
    const pickedMail = await desk.caller.outbox.get({ id: picked.id });
    expect(pickedMail.html).toContain(`/desk/interviews/${bookedInterview.id}`);
    expect(pickedMail.text).toMatch(/Zurich|New York/);
  });
});

/** Debian's python3 with python3-icalendar; PYTHON overrides (a pyenv python3 on PATH may lack the module). */
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** CONFERENCE as python's icalendar (an independent reader) returns it: value and parameters. */
function pythonConference(ics: string): { value: string; params: Record<string, string> } {
  const script = `import sys, json, icalendar
event = next(c for c in icalendar.Calendar.from_ical(sys.stdin.read()).walk() if c.name == 'VEVENT')
value = event.get('CONFERENCE')
print(json.dumps({'value': str(value), 'params': dict(value.params)}))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: ics, encoding: 'utf8' })) as { value: string; params: Record<string, string> };
}

describe('video rooms and CONFERENCE (issue 15, meeting details)', () => {
  it('a generated room link is unguessable, on the configured server; without one the desk is told to paste a link', async () => {
    const withRooms = await signedInCaller(database, 'press_officer', { now: workflowNow, config: workflowConfig(database, { VIDEO_ROOM_BASE_URL: 'https://meet.example.org/' }) });
    expect(await withRooms.caller.desk.meetingOptions()).toEqual({ videoRooms: true });
    const first = await withRooms.caller.desk.createVideoRoom();
    const second = await withRooms.caller.desk.createVideoRoom();
    expect(first.url).toMatch(/^https:\/\/meet\.example\.org\/interview-[A-Za-z0-9_-]{22}$/);
    expect(second.url).not.toBe(first.url);
    expect(await desk.caller.desk.meetingOptions()).toEqual({ videoRooms: false });
    await expect(desk.caller.desk.createVideoRoom()).rejects.toSatisfy((error) => appCodeOf(error) === 'VALIDATION_FAILED' && String((error as Error).message).includes('VIDEO_ROOM_BASE_URL'));
  });

  it('the invite carries the link as LOCATION and RFC 7986 CONFERENCE, read alike by ical.js, node-ical and python icalendar; a dial-in becomes tel:', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    const room = 'https://meet.example.org/interview-AbCdEfGhIjKlMnOpQrStUv';
    const { interviewId, uid } = await book('2027-03-26T15:00:00Z', { formatDetails: { videoUrl: room } });
    const rows = await desk.caller.outbox.list({});
    const invite = rows.find((row) => row.kind === 'invite' && row.interviewId === interviewId)!;
    const ics = (await desk.caller.outbox.get({ id: invite.id })).calendar!.content;
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const conference = event.getFirstProperty('conference')!;
    expect([conference.getFirstValue(), conference.getParameter('feature'), conference.getParameter('label')]).toEqual([room, 'VIDEO', 'Video call']);
    expect(event.getFirstPropertyValue('location')).toBe(`Video call: ${room}`);
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).find((entry) => (entry as { type?: string }).type === 'VEVENT') as Record<string, unknown>;
    expect(parsed.uid).toBe(uid);
    expect(JSON.stringify(parsed.conference ?? parsed.CONFERENCE)).toContain(room);
    expect(pythonConference(ics)).toEqual({ value: room, params: { VALUE: 'URI', FEATURE: 'VIDEO', LABEL: 'Video call' } });

    // A phone interview with a number to dial: tel: in E.164 form, FEATURE=PHONE.
    const phone = await book('2027-03-26T16:00:00Z', { format: 'phone', formatDetails: { dialIn: '+41 22-555 01 23' } });
    const phoneRow = (await desk.caller.outbox.list({})).find((row) => row.kind === 'invite' && row.interviewId === phone.interviewId)!;
    expect(pythonConference((await desk.caller.outbox.get({ id: phoneRow.id })).calendar!.content)).toEqual({ value: 'tel:+41225550123', params: { VALUE: 'URI', FEATURE: 'PHONE', LABEL: 'Phone' } });
  });
});

describe('outbox subjects and cancellations', () => {
  it('an invite’s subject in the mail view is the subject sent', async () => {
    const { interviewId } = await book('2027-04-20T09:00:00Z');
    const rows = await database.prisma.outboxMessage.findMany({ where: { interviewId, kind: 'invite' } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const shown = await desk.caller.outbox.get({ id: row.id });
      expect(shown.headers.subject).toBe(row.subject);
    }
    expect(rows.map((row) => row.subject).sort()).toEqual([
      expect.stringMatching(/^Interview confirmed: .+, Tue 20 Apr 05:00 New York time$/),
      expect.stringMatching(/^Interview confirmed: .+, Tue 20 Apr 11:00 Zurich time$/),
    ]);
  });

  it('a desk cancellation sends the reporter one email, the CANCEL, which gives the reason', async () => {
    const { created, interviewId } = await book('2027-04-21T09:00:00Z');
    await desk.caller.desk.interviews.cancel({ interviewId, reason: 'The spokesperson is travelling' });
    const reporterEmail = (await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } })).reporterEmail;
    const rows = await database.prisma.outboxMessage.findMany({ where: { requestId: created.requestId, recipient: reporterEmail, kind: { notIn: ['request_received', 'invite'] } } });
    expect(rows.map((row) => row.kind)).toEqual(['invite_cancel']);
    const shown = await desk.caller.outbox.get({ id: rows[0]!.id });
    expect(shown.headers.subject).toBe(rows[0]!.subject);
    expect(shown.text).toContain('The spokesperson is travelling');
    expect(shown.text).toMatch(/METHOD:CANCEL|cancelled/i);
  });
});

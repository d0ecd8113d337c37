// Invites as recipients get them: the outbox's emails through the file
// transport, parsed with ical.js, and the .ics download.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCookieRecorder, makeCaller, silentLogger } from '../support/context';
import { TEST_PASSWORD } from '../support/factories';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { createMailTransport } from '../../server/mail/transport';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let base: string;
beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
  server = await startTestHttpServer(database, workflowConfig(database));
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    dtstamp: (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime(),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    description: String(event.getFirstPropertyValue('description')),
  };
}

describe('calendar invites', () => {
  it('approve → reschedule twice → cancel: one UID, SEQUENCE 0..3, rising DTSTAMP, REQUEST then CANCEL', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: 'hector@example.org' });
    // 15:00 in Zurich on 22 March 2027: Zurich is still on CET (UTC+1), New York already on EDT (UTC−4).
    const start = DateTime.fromISO('2027-03-22T15:00', { zone: 'Europe/Zurich' }).toUTC().toISO()!;
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, start, { reporter: { name: 'Dana', email: 'dana@example.org', outlet: 'Wire', timeZone: 'America/New_York' } }));
    const view = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const interviewId = view.interview!.id;
    await desk.caller.desk.interviews.reschedule({ interviewId, start: '2027-03-23T14:00:00Z' });
    await desk.caller.desk.interviews.reschedule({ interviewId, start: '2027-03-24T14:00:00Z' });
    await desk.caller.desk.interviews.cancel({ interviewId, reason: 'Spokesperson unwell' });

    const outboxDir = mkdtempSync(join(tmpdir(), 'invites-'));
    await deliverDueMessages({ database, transport: createMailTransport({ outboxDir }), config: workflowConfig(database), logger: silentLogger, now: WORKFLOW_NOW, batchSize: 100 });
    const mails = await Promise.all(readdirSync(outboxDir).filter((name) => name.endsWith('.eml')).map((name) => simpleParser(readFileSync(join(outboxDir, name)))));
    const invites = mails
      .filter((mail) => (mail.to as { text: string }).text.includes('dana@example.org'))
      .flatMap((mail) => mail.attachments.filter((attachment) => attachment.filename === 'invite.ics').map((attachment) => parseCalendar(attachment.content.toString('utf8'))))
      .sort((a, b) => a.sequence - b.sequence);
    expect(invites.map((invite) => [invite.sequence, invite.method, invite.status])).toEqual([
      [0, 'REQUEST', 'CONFIRMED'],
      [1, 'REQUEST', 'CONFIRMED'],
      [2, 'REQUEST', 'CONFIRMED'],
      [3, 'CANCEL', 'CANCELLED'],
    ]);
    expect(new Set(invites.map((invite) => invite.uid))).toEqual(new Set([`${interviewId}@desk.test`]));
    expect(invites.every((invite, index) => index === 0 || invite.dtstamp > invites[index - 1]!.dtstamp)).toBe(true);
    // The first invite: 14:00 UTC, described as 10:00 in New York (EDT) for the reporter.
    expect(invites[0]!.start).toBe('2027-03-22T14:00:00.000Z');
    expect(invites[0]!.description).toMatch(/10:00.*New York.*EDT/);
    expect(invites[0]!.description).toMatch(/15:00.*Zurich/);
  });

  it('the .ics download: current version for the reporter’s token or a staff session, 404 otherwise', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-25T09:00:00Z'));
    const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const uid = approved.interview!.inviteUid;
    const manage = await (await publicCaller(database)).requests.get({ reference: created.reference, token: created.manageToken });
    expect(manage.calendar?.ics).toBe(`http://desk.test/invites/${encodeURIComponent(uid)}.ics?token=${created.manageToken}`);
    expect(manage.calendar?.google).toContain('dates=20270325T090000Z/20270325T093000Z');
    const url = `${base}/invites/${encodeURIComponent(uid)}.ics`;

    const download = await fetch(`${url}?token=${created.manageToken}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/);
    expect(parseCalendar(await download.text())).toMatchObject({ uid, sequence: 0, start: '2027-03-25T09:00:00.000Z' });

    await desk.caller.desk.interviews.reschedule({ interviewId: approved.interview!.id, start: '2027-03-25T10:00:00Z' });
    expect(parseCalendar(await (await fetch(`${url}?token=${created.manageToken}`)).text())).toMatchObject({ sequence: 1, start: '2027-03-25T10:00:00.000Z' });

    const wrong = await fetch(`${url}?token=${'x'.repeat(43)}`);
    const unknown = await fetch(`${base}/invites/nope@desk.test.ics?token=${created.manageToken}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    expect((await fetch(url)).status).toBe(404);

    // Staff with a session get it too.
    const cookies = makeCookieRecorder();
    await (await makeCaller(database, { cookies })).auth.login({ email: desk.user.email, password: TEST_PASSWORD });
    const staff = await fetch(url, { headers: { cookie: `desk_session=${cookies.token}` } });
    expect(staff.status).toBe(200);
  });
});

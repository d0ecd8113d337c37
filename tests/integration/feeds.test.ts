// Subscription feeds at /feeds/<token>.ics: upcoming interviews with their
// invite UIDs, cancellations shown for a week, secret URLs that rotate.
import type { Server } from 'node:http';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let base: string;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, workflowConfig(database));
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

describe('subscription feeds', () => {
  it('lists a spokesperson’s upcoming interviews and cancellations; rotating the URL revokes the old one', async () => {
    const desk = await deskCaller(database);
    const person = await makeBookableSpokesperson(database, { name: 'Kasia Łukasiewicz-Rosenbauer' });
    const reporter = await publicCaller(database);
    const kept = await reporter.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', { topic: 'Cluster munitions; Armenia, Azerbaijan — “monitor” 📊' }));
    const dropped = await reporter.requests.create(requestInput(person.id, '2027-03-10T11:00:00Z'));
    const keptView = await desk.caller.desk.requests.approve({ requestId: kept.requestId, formatDetails: { videoUrl: 'https://meet.example.org/kasia' } });
    const droppedView = await desk.caller.desk.requests.approve({ requestId: dropped.requestId });
    await desk.caller.desk.interviews.cancel({ interviewId: droppedView.interview!.id, reason: 'Travel' });

    // A spokesperson can subscribe to their own feed, not a colleague's.
    const { caller: own } = await (await import('../support/sign-in')).signedInCaller(database, 'spokesperson', { spokespersonId: person.id });
    const { url } = await own.feeds.rotate({ scope: 'spokesperson', spokespersonId: person.id });
    expect(url).toMatch(/^http:\/\/desk\.test\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const other = await makeBookableSpokesperson(database);
    expect(appCodeOf(await own.feeds.rotate({ scope: 'spokesperson', spokespersonId: other.id }).catch((error: unknown) => error))).toBe('FORBIDDEN');

    const response = await fetch(url.replace('http://desk.test', base));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    // Raw bytes: CRLF only, ≤ 75 octets a line, every line valid UTF-8 on its own.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).not.toThrow();
    }
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH'); // a published calendar, not an invitation
    const events = calendar.getAllSubcomponents('vevent').map((event) => ({
      uid: event.getFirstPropertyValue('uid'),
      status: event.getFirstPropertyValue('status'),
      sequence: Number(event.getFirstPropertyValue('sequence')),
      start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
      description: String(event.getFirstPropertyValue('description')),
      location: event.getFirstPropertyValue('location'),
      // RFC 5546 §3.2.1: every published event names its organizer, the press office mailbox.
      organizer: event.getFirstPropertyValue('organizer'),
    }));
    for (const event of events) expect(event.organizer).toMatch(/^mailto:[^@]+@/);
    expect(events).toEqual([
      expect.objectContaining({ uid: keptView.interview!.inviteUid, status: 'CONFIRMED', sequence: 0, start: '2027-03-10T09:00:00.000Z', location: 'https://meet.example.org/kasia' }),
      expect.objectContaining({ uid: droppedView.interview!.inviteUid, status: 'CANCELLED', sequence: 1 }),
    ]);
    expect(events[0]!.description).toContain('Topic: Cluster munitions; Armenia, Azerbaijan — “monitor” 📊');

    // Rotation: the old URL is gone at once, the new one works.
    const { url: rotated } = await desk.caller.feeds.rotate({ scope: 'spokesperson', spokespersonId: person.id });
    expect((await fetch(url.replace('http://desk.test', base))).status).toBe(404);
    expect((await fetch(rotated.replace('http://desk.test', base))).status).toBe(200);
  });

  it('the office feed is for press officers; an unknown token is a 404', async () => {
    const desk = await deskCaller(database);
    const { url } = await desk.caller.feeds.rotate({ scope: 'office' });
    const text = await (await fetch(url.replace('http://desk.test', base))).text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('X-WR-CALNAME:Interviews');
    const { caller: spokesperson } = await (await import('../support/sign-in')).signedInCaller(database, 'spokesperson');
    expect(appCodeOf(await spokesperson.feeds.rotate({ scope: 'office' }).catch((error: unknown) => error))).toBe('FORBIDDEN');
    expect((await fetch(`${base}/feeds/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });
});

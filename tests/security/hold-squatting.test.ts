// A scripted attacker tries to squat a spokesperson's week with anonymous
// requests that hold slots (the attack from issue #12), over real HTTP behind a
// simulated proxy (TRUST_PROXY=loopback, the client address in X-Forwarded-For).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { makeBookableSpokesperson } from '../support/workflow';
import { releaseExpiredHolds } from '../../server/requests/hold-policy';
import { callOver, outcomeOf, sessionCookieOf } from './http';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOTICE_MINUTES = 120;
let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let config: ReturnType<typeof makeTestConfig>;

beforeAll(async () => {
  database = await createTestDatabase();
  // Default limits (HOLD_MAX_HOURS 48, 2 holds per address, 4 per IP and spokesperson, 30 requests an hour per IP).
  config = makeTestConfig(database.target, { TRUST_PROXY: 'loopback' });
  server = await startTestHttpServer(database, config);
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

/** The week the attacker goes for: seven whole UTC days starting the day after tomorrow. */
function week() {
  const from = Math.ceil(Date.now() / DAY) * DAY + DAY;
  return { from: new Date(from), to: new Date(from + 7 * DAY) };
}

async function freeSlots(spokespersonId: string) {
  const { from, to } = week();
  const answer = await callOver(server.base, 'availability.slots', { spokespersonId, from: from.toISOString(), to: to.toISOString(), timeZone: 'Europe/Zurich', duration: 30 }, { query: true });
  expect(answer.status).toBe(200);
  return (answer.body.result.data.days as { slots: { start: string }[] }[]).flatMap((day) => day.slots.map((slot) => new Date(slot.start).toISOString()));
}

function request(spokespersonId: string, start: string, email: string, deadline = start) {
  return {
    idempotencyKey: `squat-${randomUUID()}`,
    spokespersonId,
    start,
    durationMinutes: 30,
    format: 'video',
    language: 'en',
    attribution: 'on_record',
    topic: 'Anything at all',
    reporter: { name: 'Totally Real Reporter', email, outlet: 'Squat Weekly', timeZone: 'UTC' },
    deadline,
  };
}

const create = (input: unknown, ip: string) => callOver(server.base, 'requests.create', input, { headers: { 'x-forwarded-for': ip } });

describe('hold squatting', () => {
  it('one IP with many addresses holds at most its share of a week; far-off deadlines are refused; holds end within 48 hours', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true, minimumNoticeMinutes: NOTICE_MINUTES });
    const before = await freeSlots(person.id);
    expect(before.length).toBeGreaterThan(200);
    // Every other hour of the week, so no two targets share a blocked slot.
    const targets = before.filter((start) => new Date(start).getUTCMinutes() === 0).filter((_, index) => index % 2 === 0).slice(0, 20);

    // The published attack: a deadline in 9999 so the hold never ends.
    const forever = await Promise.all(targets.map((start, index) => create(request(person.id, start, `bot-${index}@example.org`, '9999-12-31T23:59:59Z'), '203.0.113.200')));
    expect(forever.map(outcomeOf)).toEqual(Array(targets.length).fill('VALIDATION_FAILED'));
    // Year 9999 is refused at the boundary (years 1970–2100); a deadline after the start by the hold rules.
    expect(forever[0]!.body.error.message).toMatch(/Use a year from 1970 to 2100|deadline must be at or before the interview time/);

    // The same with deadlines at the slot, all at once (one intake batch).
    const answers = await Promise.all(targets.map((start, index) => create(request(person.id, start, `bot-${index}@example.org`), '203.0.113.200')));
    expect(answers.map(outcomeOf)).toEqual(Array(targets.length).fill('ok'));
    const holds = await database.prisma.interviewRequest.findMany({ where: { spokespersonId: person.id, holdStart: { not: null } }, select: { holdStart: true, holdExpiresAt: true, createdAt: true } });
    expect(holds).toHaveLength(config.holds.perIp);
    for (const hold of holds) {
      expect(hold.holdExpiresAt!.getTime()).toBeLessThanOrEqual(hold.createdAt.getTime() + 48 * HOUR);
      expect(hold.holdExpiresAt!.getTime()).toBeLessThanOrEqual(hold.holdStart!.getTime() - NOTICE_MINUTES * 60_000);
    }

    const after = await freeSlots(person.id);
    const lost = before.length - after.length;
    // A 30-minute hold on a 15-minute grid blocks its own start and the starts 15 minutes either side.
    expect(lost).toBeLessThanOrEqual(config.holds.perIp * 3);
    console.info(`one IP, ${targets.length} addresses: ${holds.length} holds, ${lost} of ${before.length} slots of the week taken (${((100 * lost) / before.length).toFixed(1)} %)`);

    // When the holds end, the week is whole again (the requests stay for the desk).
    await releaseExpiredHolds({ db: database.prisma, now: new Date(Date.now() + 48 * HOUR + 60_000), maxMs: config.holds.maxMs });
    expect(await freeSlots(person.id)).toEqual(before);
    expect(await database.prisma.interviewRequest.count({ where: { spokespersonId: person.id, status: 'pending' } })).toBe(targets.length);
  });

  it('one mailbox behind +tags, dots and case from many IPs holds at most its share, and the desk sees the count', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const before = await freeSlots(person.id);
    const targets = before.filter((start) => new Date(start).getUTCMinutes() === 0).filter((_, index) => index % 2 === 1).slice(0, 8);
    const aliases = ['squatter@gmail.com', 'Squatter+1@gmail.com', 's.quatter@gmail.com', 'S.Q.U.A.T.T.E.R+x@googlemail.com', 'squat.ter+news@GMAIL.com', 'squatter+2@gmail.com', 'sq.uatter@gmail.com', 'SQUATTER@gmail.com'];
    const answers = await Promise.all(targets.map((start, index) => create(request(person.id, start, aliases[index]!), `192.0.2.${index + 10}`)));
    expect(answers.map(outcomeOf)).toEqual(Array(targets.length).fill('ok'));
    const held = await database.prisma.interviewRequest.count({ where: { spokespersonId: person.id, holdStart: { not: null } } });
    expect(held).toBe(config.holds.perEmail);
    expect(before.length - (await freeSlots(person.id)).length).toBeLessThanOrEqual(config.holds.perEmail * 3);

    const officer = await makeUser(database.prisma, { role: 'press_officer' });
    const cookie = sessionCookieOf(await callOver(server.base, 'auth.login', { email: officer.email, password: TEST_PASSWORD }));
    const queue = await callOver(server.base, 'desk.requests.list', { spokespersonId: person.id }, { query: true, cookie });
    const rows = queue.body.result.data as { reporterActiveHolds: number }[];
    expect(rows).toHaveLength(targets.length);
    expect(new Set(rows.map((row) => row.reporterActiveHolds))).toEqual(new Set([config.holds.perEmail]));
  });
});

// The whole request lifecycle over real HTTP, as a reporter's browser and a
// press officer's console would drive it: create → propose → pick → approve →
// reschedule → cancel, checking the audit trail and the outbox at the end.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { makeBookableSpokesperson, requestInput, workflowConfig } from '../support/workflow';

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

async function call(procedure: string, input: unknown, options: { cookie?: string; query?: boolean } = {}) {
  const headers: Record<string, string> = { origin: 'http://desk.test' };
  if (options.cookie) headers.cookie = options.cookie;
  const response = options.query
    ? await fetch(`${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
    : await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error.message), { status: response.status, appCode: body.error.data.appCode });
  return { body: body.result.data, response };
}

describe('request lifecycle over HTTP', () => {
  it('create → propose → pick → approve → reschedule → cancel, with audit trail and outbox', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Hector Example', email: 'hector@example.org', bufferAfterMinutes: 15 });
    const officer = await makeUser(database.prisma, { role: 'press_officer' });
    const login = await call('auth.login', { email: officer.email, password: TEST_PASSWORD });
    const cookie = login.response.headers.get('set-cookie')!.split(';')[0]!;

    // 1. The reporter asks for Wednesday 10 March 2027, 10:00 in Zurich.
    const input = requestInput(person.id, '2027-03-10T09:00:00Z', { reporter: { name: 'Dana Reporter', email: 'dana@example.org', outlet: 'Lakeside Tribune', timeZone: 'America/New_York' } });
    const { body: created } = await call('requests.create', input);
    const manage = { reference: created.reference, token: created.manageToken };

    // 2. The desk proposes two other times instead (book on pick: off).
    const { body: proposed } = await call('desk.requests.propose', { requestId: created.requestId, slots: [{ start: '2027-03-10T13:00:00Z' }, { start: '2027-03-11T08:00:00Z' }], message: 'Hector is travelling that morning.', autoAccept: false }, { cookie });
    expect(proposed.status).toBe('proposed');
    const { body: seen } = await call('requests.get', manage, { query: true });
    expect(seen.proposals.map((proposal: { start: { reporter: string } }) => proposal.start.reporter)).toEqual(['2027-03-10T08:00:00-05:00', '2027-03-11T03:00:00-05:00']);

    // 3. The reporter picks the second; it goes back to the queue with that time.
    const { body: picked } = await call('requests.pickProposal', { ...manage, index: 1 });
    expect(picked).toMatchObject({ status: 'pending', requested: { start: { utc: '2027-03-11T08:00:00.000Z' } } });

    // 4. The desk approves it: an interview with a stable invite UID, sequence 0.
    const { body: approved } = await call('desk.requests.approve', { requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/hector' } }, { cookie });
    expect(approved.status).toBe('approved');
    const interviewId = approved.interview.id;
    expect(approved.interview).toMatchObject({ inviteUid: `${interviewId}@desk.test`, inviteSequence: 0, status: 'confirmed' });

    // 5. Rescheduled twice: same UID, sequence 1 then 2.
    await call('desk.interviews.reschedule', { interviewId, start: '2027-03-11T09:00:00Z' }, { cookie });
    const { body: moved } = await call('desk.interviews.reschedule', { interviewId, start: '2027-03-11T10:00:00Z' }, { cookie });
    expect(moved).toMatchObject({ status: 'rescheduled', inviteSequence: 2, inviteUid: `${interviewId}@desk.test`, start: { utc: '2027-03-11T10:00:00.000Z', spokesperson: '2027-03-11T11:00:00+01:00' } });

    // 6. The reporter cancels through the manage link.
    const { body: cancelled } = await call('requests.cancel', { ...manage, reason: 'Story was dropped' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'reporter', interview: { status: 'cancelled', inviteSequence: 3 } });
    // Nothing more can happen to it.
    await expect(call('desk.interviews.reschedule', { interviewId, start: '2027-03-12T10:00:00Z' }, { cookie })).rejects.toMatchObject({ status: 409, appCode: 'INVALID_TRANSITION' });

    // The audit trail, in order, with who did what.
    const audit = await database.prisma.auditEvent.findMany({ where: { OR: [{ entityId: created.requestId }, { entityId: interviewId }] }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((event) => [event.action, event.actorType])).toEqual([
      ['request.create', 'reporter'],
      ['request.propose', 'user'],
      ['request.pick_proposal', 'reporter'],
      ['request.approve', 'user'],
      ['interview.reschedule', 'user'],
      ['interview.reschedule', 'user'],
      ['request.cancel', 'reporter'],
    ]);
    expect(audit.filter((event) => event.actorType === 'user').every((event) => event.actorId === officer.id)).toBe(true);
    expect(audit[4]!.before).toMatchObject({ start: '2027-03-11T08:00:00.000Z', sequence: 0 });
    expect(audit[4]!.after).toMatchObject({ start: '2027-03-11T09:00:00.000Z', sequence: 1 });

    // The outbox: every step that concerns the reporter or the desk, invites to both attendees with rising sequences.
    const outbox = await database.prisma.outboxMessage.findMany({ where: { requestId: created.requestId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const rows = outbox.map((message) => [message.kind, message.recipient, (message.payload as { method?: string }).method ?? null, (message.payload as { sequence?: number }).sequence ?? null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['request_received', 'dana@example.org', null, null],
        ['request_new', 'press@example.org', null, null],
        ['request_proposed', 'dana@example.org', null, null],
        ['proposal_picked', 'press@example.org', null, null],
        ['invite', 'dana@example.org', 'REQUEST', 0],
        ['invite', 'hector@example.org', 'REQUEST', 0],
        ['invite', 'dana@example.org', 'REQUEST', 1],
        ['invite', 'hector@example.org', 'REQUEST', 1],
        ['invite', 'dana@example.org', 'REQUEST', 2],
        ['invite', 'hector@example.org', 'REQUEST', 2],
        ['invite_cancel', 'dana@example.org', 'CANCEL', 3],
        ['invite_cancel', 'hector@example.org', 'CANCEL', 3],
        ['request_cancelled', 'press@example.org', null, null],
      ]),
    );
    expect(rows).toHaveLength(13);
    expect(new Set(outbox.map((message) => message.messageId)).size).toBe(13);
    expect(outbox.every((message) => message.status === 'pending')).toBe(true);
  });
});

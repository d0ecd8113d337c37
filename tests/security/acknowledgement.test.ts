// The acknowledgement email goes to whatever address the request form names,
// so it must not be a way to send chosen text to anyone, over and over: the
// per-address limit counts a mailbox once however its address is spelt, and
// the text the form may put into the email (name, outlet, topic) is one line,
// bounded and free of links. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, fieldErrorsOf, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';

let database: TestDatabase;
let spokespersonId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  spokespersonId = (await makeBookableSpokesperson(database)).id;
});
afterAll(() => database.destroy());

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the acknowledgement email', () => {
  it('aliases of one mailbox share the per-address limit (+tags, Gmail dots, googlemail.com, case)', async () => {
    const caller = await publicCaller(database, { config: workflowConfig(database, { REQUEST_LIMIT_PER_EMAIL: '2' }) });
    const reporter = (email: string) => ({ name: 'Victim Target', email, outlet: 'Example Wire', timeZone: 'UTC' });
    await caller.requests.create(requestInput(spokespersonId, '2027-03-15T09:00:00Z', { reporter: reporter('victim.target+1@gmail.com') }));
    await caller.requests.create(requestInput(spokespersonId, '2027-03-15T10:00:00Z', { reporter: reporter('VictimTarget+2@googlemail.com') }));
    for (const [index, alias] of ['v.i.c.t.i.m.target@gmail.com', 'victimtarget+3@gmail.com', 'VICTIM.TARGET@GMAIL.COM'].entries()) {
      const error = await failure(caller.requests.create(requestInput(spokespersonId, `2027-03-15T1${index + 1}:00:00Z`, { reporter: reporter(alias) })));
      expect(appCodeOf(error), alias).toBe('RATE_LIMITED');
    }
    const acknowledgements = await database.prisma.outboxMessage.count({ where: { kind: 'request_received', recipient: { contains: 'target' } } });
    expect(acknowledgements).toBe(2);
    // Another mailbox is not affected.
    await caller.requests.create(requestInput(spokespersonId, '2027-03-15T16:00:00Z', { reporter: reporter('victim.target@example.org') }));
  });

  it('refuses links in the name, the outlet and the topic, naming the field', async () => {
    const caller = await publicCaller(database);
    const base = requestInput(spokespersonId, '2027-03-16T09:00:00Z');
    const cases: [Record<string, unknown>, string][] = [
      [{ reporter: { ...base.reporter, name: 'Click https://evil.example/login' } }, 'reporter.name'],
      [{ reporter: { ...base.reporter, name: 'see www.evil.example' } }, 'reporter.name'],
      [{ reporter: { ...base.reporter, outlet: 'http://evil.example' } }, 'reporter.outlet'],
      [{ topic: 'Your account is locked: https://evil.example' }, 'topic'],
      [{ reporter: { ...base.reporter, name: 'Dana\r\nBcc: everyone@example.org' } }, 'reporter.name'],
      [{ topic: 'x'.repeat(201) }, 'topic'],
    ];
    for (const [overrides, field] of cases) {
      const error = await failure(caller.requests.create({ ...base, ...overrides }));
      expect(appCodeOf(error)).toBe('VALIDATION_FAILED');
      expect(Object.keys(fieldErrorsOf(error))).toEqual([field]);
    }
    expect(await database.prisma.outboxMessage.count({ where: { recipient: base.reporter.email } })).toBe(0);
  });

  it('puts no text of the request into the subject, and what it quotes is one line', async () => {
    const caller = await publicCaller(database);
    const input = requestInput(spokespersonId, '2027-03-17T09:00:00Z');
    const { reference } = await caller.requests.create(input);
    const message = await database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'request_received', recipient: input.reporter.email }, select: { subject: true } });
    expect(message.subject).toBe(`Interview request received: ${reference}`);
    const stored = await database.prisma.interviewRequest.findFirstOrThrow({ where: { reference }, select: { reporterName: true, topic: true, reporterOutlet: true } });
    for (const value of Object.values(stored)) expect(value).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  });
});

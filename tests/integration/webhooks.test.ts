// Webhooks over real HTTP: a local receiver verifies every delivery with the
// `standardwebhooks` library (what integrators use), through a full request
// lifecycle; a receiver that is down for two minutes (outbox clock moved on,
// no sleeping) gets everything afterwards, once per webhook-id; a receiver
// that takes 10 s does not hold up mail; SSRF refusals; admin-only access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { signedInCaller } from '../support/sign-in';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { makeOutboxDueNow, queueApprovedRequests } from '../support/outbox';
import { waitFor } from '../support/child-server';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../../server/mail/transport';
import { deliverDueMessages, startOutboxWorker } from '../../server/outbox/deliver-outbox';
import { expireOverdueRequests } from '../../server/requests/expire-requests';
import { webhookEventTypes } from '../../server/webhooks/events';
import { webhooksRouter } from '../../server/routers/webhooks';
import { alertUpcomingDeadlines } from '../../server/webhooks/deadline-alerts';
import { MAX_ATTEMPTS } from '../../server/outbox/deliver-outbox';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let database: TestDatabase;
const receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await database.destroy();
});

const privateAllowed = () => workflowConfig(database, { WEBHOOKS_ALLOW_PRIVATE: '1' });
const adminCaller = async (config = privateAllowed()) => (await signedInCaller(database, 'admin', { now: () => WORKFLOW_NOW, config })).caller;

async function receiver(options: Parameters<typeof startWebhookReceiver>[0] = {}) {
  const started = await startWebhookReceiver(options);
  receivers.push(started);
  return started;
}

/** Delivers the HTTP lane's due rows at `now` (the outbox clock), 127.0.0.1 allowed. */
function deliverHttp(now: Date, timeoutMs = 10_000) {
  return deliverDueMessages({ database, lane: 'http', config: workflowConfig(database), logger: silentLogger, now, http: { allowPrivate: true, timeoutMs } });
}

/** Every endpoint off at the end of a test (after its deliveries: a disabled endpoint's queued rows go dead), so other tests queue nothing for it. */
async function disableEndpoints() {
  await database.prisma.webhookEndpoint.updateMany({ data: { enabled: false } });
}

describe('webhooks', () => {
  it('delivers every event of a full lifecycle, signed so that standardwebhooks verifies it, without personal data or tokens', async () => {
    const hook = await receiver();
    const admin = await adminCaller();
    const { endpoint, secret } = await admin.webhooks.create({ url: `${hook.url}/crm`, description: 'CRM', events: [...webhookEventTypes] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Shown once: nothing the API returns later carries it, and the database holds it sealed.
    expect(JSON.stringify(await admin.webhooks.list())).not.toContain(secret.slice(6));
    expect((await database.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret).not.toContain(secret.slice(6));

    const person = await makeBookableSpokesperson(database);
    const reporter = await publicCaller(database);
    const { caller: desk } = await deskCaller(database);
    const day = (hour: number, date = 2) => new Date(Date.UTC(2027, 2, date, hour)).toISOString();
    // Approved, rescheduled, then completed.
    const a = await reporter.requests.create(requestInput(person.id, day(8)));
    await desk.desk.requests.approve({ requestId: a.requestId });
    const interviewA = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: a.requestId } });
    await desk.desk.interviews.reschedule({ interviewId: interviewA.id, start: day(9) });
    const later = (await signedInCaller(database, 'press_officer', { now: () => new Date(Date.UTC(2027, 2, 3)), config: workflowConfig(database) })).caller;
    await later.desk.interviews.markOutcome({ interviewId: interviewA.id, outcome: 'completed' });
    // Declined; its reporter is then erased.
    const b = await reporter.requests.create(requestInput(person.id, day(10)));
    await desk.desk.requests.decline({ requestId: b.requestId, reason: 'Not this week' });
    // Proposed, then cancelled by the reporter.
    const c = await reporter.requests.create(requestInput(person.id, day(11)));
    await desk.desk.requests.propose({ requestId: c.requestId, slots: [{ start: day(12) }] });
    await reporter.requests.cancel({ reference: c.reference, token: c.manageToken });
    // Approved, then the desk cancels the interview.
    const d = await reporter.requests.create(requestInput(person.id, day(13)));
    await desk.desk.requests.approve({ requestId: d.requestId });
    const interviewD = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: d.requestId } });
    await desk.desk.interviews.cancel({ interviewId: interviewD.id, reason: 'Spokesperson ill' });
    // Expires unanswered.
    const e = await reporter.requests.create(requestInput(person.id, day(14), { deadline: day(12, 1) }));
    await expireOverdueRequests({ db: database.prisma, config: workflowConfig(database), now: new Date(Date.UTC(2027, 2, 1, 13)) });
    const contactB = (await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: b.requestId } })).mediaContactId!;
    const erasedInput = requestInput(person.id, day(10));
    await desk.contacts.erase({ id: contactB });

    const result = await deliverHttp(new Date(Date.UTC(2027, 2, 4)));
    await disableEndpoints();
    expect(result).toMatchObject({ retried: 0, dead: 0 });
    const verifier = new Webhook(secret);
    const types = hook.received.map((request) => {
      expect(request.path).toBe('/crm');
      const body = verifier.verify(request.body, request.headers) as { type: string; timestamp: string; data: Record<string, unknown> };
      expect(request.headers['webhook-id']).toMatch(/^msg_/);
      return body.type;
    });
    expect(new Set(types)).toEqual(new Set(webhookEventTypes));
    expect(types.filter((type) => type === 'request.created')).toHaveLength(5);
    const everything = hook.received.map((request) => request.body).join('\n');
    for (const created of [a, b, c, d, e]) expect(everything).not.toContain(created.manageToken);
    expect(everything).not.toMatch(/reporter-[0-9a-f]{8}@example\.org|Reporter [0-9a-f]{8}/);
    expect(erasedInput.reporter.email).not.toBe('');
    const erased = JSON.parse(hook.received.find((request) => JSON.parse(request.body).type === 'contact.erased')!.body);
    expect(erased.data).toEqual({ contact: { id: contactB, mergedIds: [] }, requestIds: [b.requestId] });
    const rescheduled = JSON.parse(hook.received.find((request) => JSON.parse(request.body).type === 'interview.rescheduled')!.body);
    expect(rescheduled.data).toMatchObject({ request: { id: a.requestId, reference: a.reference }, interview: { id: interviewA.id, start: day(9) }, previous: { start: day(8) } });

    // The delivery log shows each row with the receiver's answer.
    const log = await admin.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.length).toBe(hook.received.length);
    expect(log.every((row) => row.status === 'sent' && row.responseStatus === 204 && row.attempts === 1)).toBe(true);
  });

  it('a receiver down for two minutes gets every event afterwards, once per webhook-id', async () => {
    const hook = await receiver({ mode: 'down' });
    const admin = await adminCaller();
    const { secret } = await admin.webhooks.create({ url: hook.url, events: ['request.created', 'request.approved'] });
    await queueApprovedRequests(database, 3);
    const queued = await database.prisma.outboxMessage.findMany({ where: { endpoint: { url: hook.url } }, select: { messageId: true } });
    expect(queued).toHaveLength(6);

    // The outbox clock runs on in 15-second steps; the receiver comes back after two minutes.
    const start = new Date(Date.UTC(2027, 2, 1, 9));
    for (let second = 0; second <= 600; second += 15) {
      if (second === 120) hook.mode = 'up';
      await deliverHttp(new Date(start.getTime() + second * 1000));
    }
    await disableEndpoints();
    const accepted = hook.received.filter((request) => request.accepted);
    expect(hook.received.length).toBeGreaterThan(accepted.length);
    const ids = accepted.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(queued.map((row) => row.messageId)));
    for (const request of accepted) new Webhook(secret).verify(request.body, request.headers);
    const rows = await database.prisma.outboxMessage.findMany({ where: { endpoint: { url: hook.url } } });
    expect(rows.every((row) => row.status === 'sent' && row.attempts > 1)).toBe(true);
  });

  it('a receiver that takes 10 s to answer holds up neither the mail nor another endpoint', async () => {
    const slow = await receiver({ mode: 'slow', delayMs: 10_000 });
    const fast = await receiver();
    const admin = await adminCaller();
    await admin.webhooks.create({ url: slow.url, events: ['request.created', 'request.approved'] });
    await admin.webhooks.create({ url: fast.url, events: ['request.approved'] });
    await database.prisma.outboxMessage.updateMany({ where: { status: 'pending' }, data: { status: 'sent' } });
    await queueApprovedRequests(database, 4);
    await makeOutboxDueNow(database);
    const smtp = await startTestSmtpServer();
    const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')) });
    const mails = await database.prisma.outboxMessage.count({ where: { status: 'pending', channel: 'email' } });
    const started = Date.now();
    const worker = startOutboxWorker({ database, transport, config: workflowConfig(database), logger: silentLogger, lanes: ['email', 'http'], http: { allowPrivate: true, timeoutMs: 10_000 }, pollMs: 100 });
    try {
      await waitFor(() => smtp.received.length >= mails && fast.received.length >= 4, 8_000, 'the mail and the fast endpoint');
      expect(Date.now() - started).toBeLessThan(8_000);
      // The slow receiver has its requests, unanswered yet.
      expect(slow.received.length).toBeGreaterThan(0);
      expect(slow.received.every((request) => !request.accepted)).toBe(true);
    } finally {
      await worker.stop({ deadline: Date.now() + 100 });
      await disableEndpoints();
      transport.close();
      await smtp.close();
    }
  });

  it('posts desk alerts to Slack and Teams: new request with deadline and link, deadline soon once, proposal picked, dead letter', async () => {
    const chat = await receiver();
    const admin = await adminCaller();
    await admin.webhooks.setAlertChannel({ kind: 'slack', url: `${chat.url}/slack/T000/B000/secretpart` });
    await admin.webhooks.setAlertChannel({ kind: 'teams', url: `${chat.url}/teams/workflow` });
    const channels = await admin.webhooks.alerts();
    expect(channels.map((channel) => channel.maskedUrl)).toEqual([`${chat.url}/…part`, `${chat.url}/…flow`]);

    const person = await makeBookableSpokesperson(database, { name: 'Kasia Derlicka' });
    const reporter = await publicCaller(database);
    const { caller: desk } = await deskCaller(database);
    const input = requestInput(person.id, '2027-03-05T09:00:00Z', { deadline: '2027-03-05T09:00:00Z' });
    const created = await reporter.requests.create(input);
    // Twice, as two scheduler ticks (or two instances) would: one alert per channel.
    for (let tick = 0; tick < 2; tick++) await alertUpcomingDeadlines({ db: database.prisma, config: workflowConfig(database), now: new Date('2027-03-05T07:30:00Z') });
    await desk.desk.requests.propose({ requestId: created.requestId, slots: [{ start: '2027-03-05T10:00:00Z' }] });
    await reporter.requests.pickProposal({ reference: created.reference, token: created.manageToken, index: 0 });
    // A webhook delivery on its last attempt fails for good: the chat hears of it.
    const down = await receiver({ mode: 'down' });
    const { endpoint } = await admin.webhooks.create({ url: down.url, events: ['request.created'] });
    await admin.webhooks.sendTest({ id: endpoint.id });
    await database.prisma.outboxMessage.updateMany({ where: { endpointId: endpoint.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    for (let round = 0; round < 3; round++) await deliverHttp(new Date(Date.UTC(2027, 2, 6, 0, round)));
    await admin.webhooks.setAlertChannel({ kind: 'slack', url: null });
    await admin.webhooks.setAlertChannel({ kind: 'teams', url: null });
    await admin.webhooks.remove({ id: endpoint.id });

    const slack = chat.received.filter((request) => request.path.startsWith('/slack/')).map((request) => JSON.parse(request.body));
    const teams = chat.received.filter((request) => request.path === '/teams/workflow').map((request) => JSON.parse(request.body));
    const link = `http://desk.test/desk/requests/${created.requestId}`;
    // In the order they came due (the deadline check ran on a later clock than the workflow).
    expect(slack.map((body) => body.blocks[0].text.text).sort()).toEqual([`New interview request ${created.reference}`, `Deadline in under 2 hours: ${created.reference}`, `Proposed time picked: ${created.reference}`, 'A webhook delivery failed'].sort());
    const [fresh] = slack;
    expect(fresh.text).toContain(created.reference);
    expect(fresh.blocks[1].fields.map((field: { text: string }) => field.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^\*Deadline\*\nFriday 5 March 2027, 09:00/)]));
    expect(fresh.blocks[2]).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the desk' }, url: link }] });
    expect(teams).toHaveLength(4);
    const card = teams[0].attachments[0];
    expect(teams[0].type).toBe('message');
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', title: 'Open in the desk', url: link }] });
    expect(card.content.body[2].facts[0]).toMatchObject({ title: 'Deadline' });
    const everything = chat.received.map((request) => request.body).join('\n');
    expect(everything).not.toContain(input.reporter.email);
    expect(everything).not.toContain(input.reporter.name);
  });

  it('refuses loopback, private and link-local endpoints unless WEBHOOKS_ALLOW_PRIVATE is set', async () => {
    const admin = await adminCaller(workflowConfig(database));
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://192.168.0.10/x', 'http://172.16.0.1/x', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/x', 'http://0.0.0.0/x', 'http://[::1]/x', 'http://[fd00::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://[fe80::1]/x']) {
      const error = await admin.webhooks.create({ url, events: ['request.created'] }).catch((caught: unknown) => caught);
      expect(appCodeOf(error), url).toBe('VALIDATION_FAILED');
      expect((error as Error).message, url).toMatch(/private address|could not be found/);
    }
    await expect(admin.webhooks.setAlertChannel({ kind: 'slack', url: 'http://127.0.0.1:9/services/x' })).rejects.toThrow(/private address/);
    // At delivery too: a row for an address refused now (the setting was on when it was saved, or DNS changed) is not sent.
    // Both an address literal and a name (checked inside the connection's DNS lookup: DNS rebinding).
    const hook = await receiver();
    const allowing = await adminCaller();
    const literal = (await allowing.webhooks.create({ url: hook.url, events: ['request.created'] })).endpoint;
    const named = (await allowing.webhooks.create({ url: hook.url.replace('127.0.0.1', 'localhost'), events: ['request.created'] })).endpoint;
    for (const endpoint of [literal, named]) await allowing.webhooks.sendTest({ id: endpoint.id });
    const result = await deliverDueMessages({ database, lane: 'http', config: workflowConfig(database), logger: silentLogger, now: new Date(Date.UTC(2027, 2, 1, 9)), http: { allowPrivate: false } });
    expect(result.retried).toBe(2);
    expect(hook.received).toHaveLength(0);
    for (const endpoint of [literal, named]) {
      const [row] = await admin.webhooks.deliveries({ endpointId: endpoint.id });
      expect(row!.lastError).toMatch(/resolves to (127\.0\.0\.1|::1), a loopback, link-local or private address/);
      await admin.webhooks.remove({ id: endpoint.id });
    }
  });

  it('only admins reach webhooks.*', async () => {
    const paths = Object.keys(webhooksRouter._def.procedures);
    for (const role of ['press_officer', 'spokesperson'] as const) {
      const { caller } = await signedInCaller(database, role, { config: privateAllowed() });
      for (const path of paths) {
        const procedure = (caller.webhooks as unknown as Record<string, (input?: unknown) => Promise<unknown>>)[path]!;
        const error = await procedure({ id: 'x', endpointId: 'x', kind: 'slack', url: null, events: ['request.created'] }).catch((caught: unknown) => caught);
        expect(appCodeOf(error), `${role} ${path}`).toBe('FORBIDDEN');
      }
    }
  });
});

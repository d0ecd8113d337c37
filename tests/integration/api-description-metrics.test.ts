// The API description and /metrics, over real HTTP: the OpenAPI document
// names every procedure of the router at its real address and validates as
// OpenAPI 3.1; the reference page renders without script; /metrics refuses
// without its token and, with it, shows request latency per procedure (the
// lean availability path included), sign-in outcomes, outbox depth and
// delivery outcomes by kind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { appRouter } from '../../server/routers/_app';
import type { ProcedureMeta } from '../../server/trpc';
import { enqueueMessages, type OutboxKind } from '../../server/outbox/enqueue-message';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';
import { createMailTransport } from '../../server/mail/transport';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig, silentLogger } from '../support/context';
import { makeSpokesperson, makeUser, TEST_PASSWORD } from '../support/factories';

const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';

let database: TestDatabase;
let open: Awaited<ReturnType<typeof startTestHttpServer>>;
let withToken: Awaited<ReturnType<typeof startTestHttpServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  open = await startTestHttpServer(database, makeTestConfig(database.target));
  withToken = await startTestHttpServer(database, makeTestConfig(database.target, { METRICS_TOKEN: TOKEN }));
});
afterAll(async () => {
  await open.close();
  await withToken.close();
  await database.destroy();
});

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: ProcedureMeta } }>;

describe('GET /api/openapi.json', () => {
  it('names every procedure at its tRPC address, with its method and access, and validates as OpenAPI 3.1', async () => {
    const response = await fetch(`${open.base}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'http://desk.test' }]);
    for (const [path, procedure] of Object.entries(procedures)) {
      const method = procedure._def.type === 'query' ? 'get' : 'post';
      const operation = document.paths[`/trpc/${path}`]?.[method];
      expect(operation, `${method.toUpperCase()} /trpc/${path}`).toBeDefined();
      expect(operation['x-access']).toBe(procedure._def.meta?.access);
    }
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/trpc/'))).toHaveLength(Object.keys(procedures).length);
    // The plain routes beside /trpc are there too.
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/healthz', '/feeds/{token}.ics', '/invites/{uid}.ics', '/releases/{id}/attachments', '/attachments/{id}/{name}', '/metrics']));
    // Inputs come from the procedures' zod schemas: a query's input is a JSON query parameter, a mutation's the body.
    const slots = document.paths['/trpc/availability.slots'].get;
    expect(slots.parameters[0]).toMatchObject({ name: 'input', in: 'query', required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/availability.slots.input' } } } });
    expect(document.components.schemas['availability.slots.input'].required).toEqual(['spokespersonId', 'from', 'to', 'timeZone']);
    expect(document.paths['/trpc/requests.create'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/requests.create.input');
    expect(document.paths['/trpc/users.create'].post.security).toEqual([{ session: [] }]);

    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Every reference points at something in the document.
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((match) => match[1]!);
    for (const reference of new Set(references)) {
      const target = reference.split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
      expect(target, reference).toBeDefined();
    }
  });

  it('describes calls the server answers as described: a GET query with ?input= JSON, answered in {result:{data}}', async () => {
    const spokesperson = await makeSpokesperson(database.prisma, { name: 'Dora Described' });
    const document = await (await fetch(`${open.base}/api/openapi.json`)).json();
    const get = document.paths['/trpc/spokespeople.get'].get;
    const response = await fetch(`${document.servers[0].url.replace('http://desk.test', open.base)}/trpc/spokespeople.get?${get.parameters[0].name}=${encodeURIComponent(JSON.stringify({ id: spokesperson.id }))}`);
    expect(response.status).toBe(200);
    expect((await response.json()).result.data).toMatchObject({ name: 'Dora Described' });
  });
});

describe('GET /api/docs', () => {
  it('is a page without script, under the same Content-Security-Policy, with every procedure and a curl line', async () => {
    const response = await fetch(`${open.base}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    const html = await response.text();
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
    for (const path of Object.keys(procedures)) expect(html).toContain(`id="${path}"`);
    expect(html).toContain('curl -s -G http://desk.test/trpc/availability.slots --data-urlencode &#39;input={&quot;spokespersonId&quot;:');
    expect(html).toMatch(/<link rel="stylesheet" href="\/api\/docs.css">/);
    const css = await fetch(`${open.base}/api/docs.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});

function scrape(token?: string) {
  return fetch(`${withToken.base}/metrics`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

/** The value of one sample line, e.g. sample(text, 'desk_outbox_pending{kind="invite"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    expect((await fetch(`${open.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await missing.json()).error.data.appCode).toBe('UNAUTHENTICATED');
    expect((await scrape('wrong-token')).status).toBe(401);
    expect((await scrape(TOKEN.slice(0, -1))).status).toBe(401);
  });

  it('shows latency per procedure (lean path and unknown addresses included) and sign-in outcomes', async () => {
    const spokesperson = await makeSpokesperson(database.prisma, { name: 'Mira Metrics' });
    const slots = `${withToken.base}/trpc/availability.slots?input=${encodeURIComponent(JSON.stringify({ spokespersonId: spokesperson.id, from: '2030-01-07T00:00:00Z', to: '2030-01-08T00:00:00Z', timeZone: 'UTC' }))}`;
    for (let i = 0; i < 3; i++) expect((await fetch(slots)).status).toBe(200);
    await fetch(`${withToken.base}/trpc/spokespeople.list`);
    expect((await fetch(`${withToken.base}/trpc/no.such.thing`)).status).toBe(404);
    expect((await fetch(`${withToken.base}/trpc/probe-${Date.now()}`)).status).toBe(404);
    const user = await makeUser(database.prisma, { role: 'press_officer' });
    const login = (password: string) => fetch(`${withToken.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
    expect((await login('not the password at all')).status).toBe(401);
    expect((await login(TEST_PASSWORD)).status).toBe(200);

    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await response.text();
    expect(sample(text, 'desk_trpc_request_duration_seconds_count{procedure="availability.slots",status="200"}')).toBe(3);
    expect(sample(text, 'desk_trpc_request_duration_seconds_count{procedure="spokespeople.list",status="200"}')).toBe(1);
    expect(sample(text, 'desk_trpc_request_duration_seconds_count{procedure="(unknown)",status="404"}')).toBe(2);
    expect(sample(text, 'desk_trpc_request_duration_seconds_bucket{le="10",procedure="auth.login",status="401"}')).toBe(1);
    expect(sample(text, 'desk_login_attempts_total{outcome="refused"}')).toBe(1);
    expect(sample(text, 'desk_login_attempts_total{outcome="signed_in"}')).toBe(1);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('shows outbox depth and dead letters by kind from the database, and delivery outcomes by kind', async () => {
    const now = new Date();
    const notice = { kind: 'calendar_notice' as OutboxKind, recipient: 'press@example.org', subject: 'Calendar stopped syncing', payload: { text: 'Reconnect it.' } };
    // A message its renderer can never build (no request) becomes a dead letter on its first attempt.
    const orphan = { kind: 'request_new' as OutboxKind, recipient: 'press@example.org', subject: 'New request', payload: {} };
    await database.prisma.$transaction((tx) => enqueueMessages(tx, [notice, notice, orphan], { host: 'desk.test', now }));

    let text = await (await scrape(TOKEN)).text();
    expect(sample(text, 'desk_outbox_pending{kind="calendar_notice"}')).toBe(2);
    expect(sample(text, 'desk_outbox_pending{kind="request_new"}')).toBe(1);
    expect(sample(text, 'desk_outbox_oldest_pending_age_seconds{kind="calendar_notice"}')).toBeGreaterThanOrEqual(0);

    const transport = createMailTransport({ outboxDir: mkdtempSync(join(tmpdir(), 'outbox-metrics-')) });
    const result = await deliverDueMessages({ database, transport, config: makeTestConfig(database.target), logger: silentLogger });
    expect(result).toMatchObject({ sent: 2, dead: 1 });

    text = await (await scrape(TOKEN)).text();
    expect(sample(text, 'desk_outbox_pending{kind="calendar_notice"}')).toBe(0);
    expect(sample(text, 'desk_outbox_pending{kind="request_new"}')).toBe(0);
    expect(sample(text, 'desk_outbox_dead{kind="request_new"}')).toBe(1);
    expect(sample(text, 'desk_outbox_deliveries_total{kind="calendar_notice",outcome="sent"}')).toBe(2);
    expect(sample(text, 'desk_outbox_deliveries_total{kind="request_new",outcome="dead"}')).toBe(1);
  });
});

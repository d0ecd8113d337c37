// The lean paths (single GET queries, single POST mutations) must answer
// exactly as tRPC's own adapter does: same status, same JSON, for successes and
// for every kind of error.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { contextFactory } from '../../server/context';
import { appRouter } from '../../server/routers/_app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig, silentLogger } from '../support/context';
import { makeSpokesperson } from '../support/factories';
import { makeBookableSpokesperson, requestInput } from '../support/workflow';

let database: TestDatabase;
const servers: Server[] = [];
let fast: string;
let official: string;

async function listen(app: express.Express) {
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = { database, config: makeTestConfig(database.target), logger: silentLogger };
  fast = await listen(createApp(deps));
  const plain = express();
  plain.use('/trpc', createExpressMiddleware({ router: appRouter, createContext: contextFactory(deps) }));
  official = await listen(plain);
  const person = await makeSpokesperson(database.prisma, { slug: 'fast-path', weeklyRules: { create: [{ weekday: 1, startTime: '09:00', endTime: '12:00' }] } });
  await makeSpokesperson(database.prisma, { slug: 'other' });
  spokespersonId = person.id;
  bookableId = (await makeBookableSpokesperson(database)).id;
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});
let spokespersonId = '';
let bookableId = '';

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

describe('GET query fast path', () => {
  it.each([
    () => '/trpc/spokespeople.list',
    () => `/trpc/spokespeople.get?${input({ id: 'fast-path' })}`,
    () => `/trpc/spokespeople.get?${input({ id: 'missing' })}`,
    () => `/trpc/spokespeople.get?${input({ id: 42 })}`,
    () => '/trpc/spokespeople.get',
    () => `/trpc/availability.slots?${input({ spokespersonId, from: '2030-01-07T00:00:00Z', to: '2030-01-14T00:00:00Z', timeZone: 'Asia/Kathmandu' })}`,
    () => `/trpc/availability.slots?${input({ spokespersonId, from: '2030-01-07T00:00:00Z', to: '2030-06-14T00:00:00Z', timeZone: 'CET' })}`,
    () => '/trpc/auth.me',
    () => '/trpc/users.list',
    () => '/trpc/auth.login',
    () => '/trpc/no.such.procedure',
    () => '/trpc/spokespeople.get?input=%7Bnot-json',
    () => `/trpc/spokespeople.list,auth.me?batch=1&${input({ 0: {}, 1: {} })}`,
  ])('answers %s exactly like the official adapter', async (makePath) => {
    const path = makePath();
    const [a, b] = await Promise.all([fetch(fast + path), fetch(official + path)]);
    expect(a.status).toBe(b.status);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await a.json()).toEqual(await b.json());
  });

  it('answers distinct slot and search questions with the same bytes as the official adapter', async () => {
    // Inside the bookable spokesperson's horizon (a year from today), so answers carry slots.
    const day = (offset: number, hour: number) => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + offset * 86_400_000 + hour * 3_600_000).toISOString();
    const questions = [
      ['Asia/Kathmandu', 30, day(3, 18.25), day(17, 18.25)],
      ['America/St_Johns', 60, day(40, 3.5), day(61, 3.5)],
      ['Pacific/Chatham', 30, day(120, 11), day(127, 11)],
    ] as const;
    for (const [timeZone, duration, from, to] of questions) {
      const sample = await (await fetch(`${fast}/trpc/availability.slots?${input({ spokespersonId: bookableId, from, to, timeZone, duration })}`)).json();
      expect(sample.result.data.days.length).toBeGreaterThan(5);
      for (const path of [
        `/trpc/availability.slots?${input({ spokespersonId: bookableId, from, to, timeZone, duration })}`,
        `/trpc/availability.slots?${input({ spokespersonId: 'fast-path', from, to, timeZone })}`,
        `/trpc/availability.search?${input({ from, to: new Date(Date.parse(from) + 7 * 86_400_000).toISOString(), timeZone, duration, slotsPerSpokesperson: 5 })}`,
      ]) {
        const [a, b] = await Promise.all([fetch(fast + path), fetch(official + path)]);
        expect(a.status).toBe(200);
        expect(b.status).toBe(200);
        const text = await a.text();
        expect(text).toBe(await b.text());
        expect(text.length).toBeGreaterThan(100);
      }
    }
  });

  it('sends the headers every answer carries on the lean availability path too', async () => {
    const path = `/trpc/availability.slots?${input({ spokespersonId: bookableId, from: '2030-01-07T00:00:00Z', to: '2030-01-14T00:00:00Z', timeZone: 'UTC' })}`;
    const routed = await fetch(`${fast}/trpc/spokespeople.list`);
    expect(routed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The first answer is computed, the second sent from what the first remembered: same headers, same bytes.
    const bodies: string[] = [];
    for (const attempt of ['first', 'again']) {
      const lean = await fetch(fast + path, { headers: { 'x-request-id': `lean-${attempt}` } });
      // The request id is always the server's own, never the client's (README "Security").
      expect(lean.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(lean.headers.get('content-type')).toBe('application/json');
      for (const name of ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy', 'permissions-policy']) {
        expect(lean.headers.get(name)).toBe(routed.headers.get(name));
        expect(lean.headers.get(name)).toBeTruthy();
      }
      bodies.push(await lean.text());
    }
    expect(bodies[1]).toBe(bodies[0]);
    // Malformed input still gets tRPC's canonical answer.
    const malformed = await fetch(`${fast}/trpc/availability.slots?input=%7Bnot-json`);
    expect(malformed.status).toBe((await fetch(`${official}/trpc/availability.slots?input=%7Bnot-json`)).status);
  });

  it('serves single queries itself and leaves batches and mutations to tRPC', async () => {
    // The lean path sets Content-Length; tRPC's adapter streams (chunked).
    expect((await fetch(`${fast}/trpc/spokespeople.list`)).headers.get('content-length')).toMatch(/^\d+$/);
    expect((await fetch(`${official}/trpc/spokespeople.list`)).headers.get('content-length')).toBeNull();
    expect((await fetch(`${fast}/trpc/spokespeople.list?batch=1&${input({ 0: {} })}`)).headers.get('content-length')).toBeNull();
  });
});

describe('POST mutation fast path', () => {
  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  /** Tomorrow 09:00 UTC (10:00 in Zurich): inside the bookable spokesperson's hours and horizon. */
  const tomorrowNine = () => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000 + 9 * 3_600_000).toISOString();
  /** Tomorrow 08:00 UTC: ahead, and before the interview it is for (requests.create refuses a later one). */
  const deadline = () => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000 + 8 * 3_600_000).toISOString();

  it.each([
    ['a request with fields missing', '/trpc/requests.create', () => ({ topic: '' })],
    ['a request for an unknown spokesperson', '/trpc/requests.create', () => requestInput('nobody', tomorrowNine(), { deadline: deadline() })],
    ['a wrong password', '/trpc/auth.login', () => ({ email: 'nobody@example.org', password: 'wrong password' })],
    ['an admin mutation without a session', '/trpc/users.create', () => ({ email: 'x@example.org', name: 'X', role: 'admin', password: 'long enough password' })],
    ['a POST to a query', '/trpc/spokespeople.list', () => ({})],
    ['an unknown procedure', '/trpc/no.such.mutation', () => ({})],
  ])('answers %s exactly like the official adapter', async (_label, path, body) => {
    const value = body();
    const [a, b] = await Promise.all([post(fast, path, value), post(official, path, value)]);
    expect(a.status).toBe(b.status);
    expect(await a.json()).toEqual(await b.json());
  });

  it('refuses a mutation from another site exactly like the official adapter', async () => {
    const value = requestInput(bookableId, tomorrowNine(), { deadline: deadline() });
    const [a, b] = await Promise.all([post(fast, '/trpc/requests.create', value, { origin: 'https://evil.example' }), post(official, '/trpc/requests.create', value, { origin: 'https://evil.example' })]);
    expect(a.status).toBe(403);
    expect(a.status).toBe(b.status);
    expect(await a.json()).toEqual(await b.json());
  });

  it('creates a request and answers its replay exactly like the official adapter', async () => {
    const value = requestInput(bookableId, tomorrowNine(), { deadline: deadline() });
    const first = await post(fast, '/trpc/requests.create', value);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-length')).toMatch(/^\d+$/); // served by the lean path
    const created = (await first.json()).result.data;
    expect(created).toMatchObject({ status: 'pending', replayed: false, reference: expect.stringMatching(/^IR-/) });
    const [a, b] = await Promise.all([post(fast, '/trpc/requests.create', value), post(official, '/trpc/requests.create', value)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const [again, officialAgain] = [await a.json(), await b.json()];
    expect(again).toEqual(officialAgain);
    expect(again.result.data).toEqual({ ...created, replayed: true });
  });
});

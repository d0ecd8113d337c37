// The lean GET path must answer exactly as tRPC's own adapter does: same
// status, same JSON, for successes and for every kind of error.
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
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});
let spokespersonId = '';

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

  it('serves single queries itself and leaves batches and mutations to tRPC', async () => {
    // The lean path sets Content-Length; tRPC's adapter streams (chunked).
    expect((await fetch(`${fast}/trpc/spokespeople.list`)).headers.get('content-length')).toMatch(/^\d+$/);
    expect((await fetch(`${official}/trpc/spokespeople.list`)).headers.get('content-length')).toBeNull();
    expect((await fetch(`${fast}/trpc/spokespeople.list?batch=1&${input({ 0: {} })}`)).headers.get('content-length')).toBeNull();
  });
});

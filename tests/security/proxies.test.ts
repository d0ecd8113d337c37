// Client addresses and request ids behind proxies, over real HTTP. The test
// client connects from 127.0.0.1, so 127.0.0.1 plays the proxy and
// X-Forwarded-For carries what a proxy (or a spoofer) says.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { ConfigError, loadConfig } from '../../server/env';
import { PAIR_RULE } from '../../server/auth/login-throttle';
import { callOver, outcomeOf } from './http';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

/** A server with this TRUST_PROXY whose log lines are kept. */
async function serverWith(trustProxy: string | undefined) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = makeTestConfig(database.target, trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy });
  const server = await startTestHttpServer(database, config, pino({ level: 'debug' }, sink));
  return { ...server, lines };
}

/** Signs in with the given forwarding header and answers the IP the session was opened from. */
async function sessionIp(base: string, forwardedFor: string) {
  const user = await makeUser(database.prisma);
  const answer = await callOver(base, 'auth.login', { email: user.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': forwardedFor } });
  expect(outcomeOf(answer)).toBe('ok');
  return (await database.prisma.session.findFirstOrThrow({ where: { userId: user.id } })).ip;
}

const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$/;

describe('X-Forwarded-For', () => {
  it('by default nothing is trusted: the header is ignored, so rotating it gains an attacker nothing', async () => {
    const server = await serverWith(undefined);
    try {
      expect(await sessionIp(server.base, '198.51.100.1')).toMatch(LOOPBACK);
      const user = await makeUser(database.prisma);
      const outcomes = [];
      for (let attempt = 0; attempt <= PAIR_RULE.freeAttempts; attempt++) {
        outcomes.push(outcomeOf(await callOver(server.base, 'auth.login', { email: user.email, password: 'wrong password!' }, { headers: { 'x-forwarded-for': `192.0.2.${attempt + 1}` } })));
      }
      expect(outcomes.at(-1)).toBe('RATE_LIMITED');
    } finally {
      await server.close();
    }
  });

  it('TRUST_PROXY=1 (one proxy): the address the proxy saw counts, and what the client wrote before it is ignored', async () => {
    const server = await serverWith('1');
    try {
      expect(await sessionIp(server.base, '198.51.100.2')).toBe('198.51.100.2');
      // The client sent "X-Forwarded-For: 203.0.113.9"; the proxy appended the real address.
      expect(await sessionIp(server.base, '203.0.113.9, 198.51.100.3')).toBe('198.51.100.3');
    } finally {
      await server.close();
    }
  });

  it('TRUST_PROXY as addresses: only a listed proxy is believed', async () => {
    const listed = await serverWith('loopback, 10.0.0.0/8');
    try {
      expect(await sessionIp(listed.base, '198.51.100.4')).toBe('198.51.100.4');
    } finally {
      await listed.close();
    }
    const other = await serverWith('10.0.0.0/8');
    try {
      expect(await sessionIp(other.base, '198.51.100.5')).toMatch(LOOPBACK);
    } finally {
      await other.close();
    }
  });

  it('refuses TRUST_PROXY=true (every hop trusted) and nonsense, saying what is allowed', () => {
    for (const value of ['true', 'all', 'not-an-address']) {
      const error = (() => {
        try {
          loadConfig({ TRUST_PROXY: value });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/TRUST_PROXY: .*(number of proxies|every hop)/);
    }
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });
});

describe('request ids', () => {
  it('the id is always the server’s; an incoming one is logged beside it only from a trusted proxy', async () => {
    for (const [trustProxy, kept] of [[undefined, false], ['loopback', true]] as const) {
      const server = await serverWith(trustProxy);
      try {
        const answer = await callOver(server.base, 'spokespeople.list', undefined, { query: true, headers: { 'x-request-id': 'chosen-by-client-123' } });
        const id = answer.headers.get('x-request-id')!;
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const logged = server.lines.filter((line) => line.requestId === id);
        expect(logged.length, String(trustProxy)).toBeGreaterThan(0);
        expect(logged.every((line) => line.upstreamRequestId === (kept ? 'chosen-by-client-123' : undefined)), String(trustProxy)).toBe(true);
        expect(server.lines.some((line) => line.requestId === 'chosen-by-client-123')).toBe(false);
      } finally {
        await server.close();
      }
    }
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/env';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to the embedded SQLite file under ./data, port 3000, demo on', () => {
    const config = loadConfig({});
    expect(config.database.provider).toBe('sqlite');
    expect(config.database.filePath).toMatch(/\/data\/interview-desk\.db$/);
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.demo).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.admin).toBeUndefined();
  });

  it('mail delivery and shutdown settings: safe defaults, decimals allowed, the lease at least twice the send timeout', () => {
    expect(loadConfig({}).outbox).toEqual({ concurrency: 4, leaseMs: 120_000, sendTimeoutMs: 30_000, smtpTimeoutMs: 10_000 });
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    const tuned = loadConfig({ OUTBOX_CONCURRENCY: '50', OUTBOX_LEASE_SECONDS: '3', OUTBOX_SEND_TIMEOUT_SECONDS: '1.5', SMTP_TIMEOUT_SECONDS: '0.5', SHUTDOWN_TIMEOUT_SECONDS: '2.5' });
    expect(tuned.outbox).toEqual({ concurrency: 50, leaseMs: 3_000, sendTimeoutMs: 1_500, smtpTimeoutMs: 500 });
    expect(tuned.shutdownTimeoutMs).toBe(2_500);
    expect(problemsOf({ OUTBOX_LEASE_SECONDS: '50' })).toEqual([expect.stringMatching(/^OUTBOX_LEASE_SECONDS: must be at least twice OUTBOX_SEND_TIMEOUT_SECONDS/)]);
    expect(problemsOf({ OUTBOX_CONCURRENCY: '0' })).toEqual([expect.stringMatching(/^OUTBOX_CONCURRENCY: must be a whole number from 1 to 100/)]);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' })).toEqual([expect.stringMatching(/^SHUTDOWN_TIMEOUT_SECONDS: must be a number of seconds/)]);
  });

  it('accepts PostgreSQL URLs and https PUBLIC_URL (Secure cookies)', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/desk', PUBLIC_URL: 'https://desk.example.org/', DESK_DEMO: '0' });
    expect(config.database).toEqual({ provider: 'postgres', url: 'postgresql://u:p@db:5432/desk' });
    expect(config.publicUrl).toBe('https://desk.example.org');
    expect(config.secureCookies).toBe(true);
    expect(config.demo).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL scheme "mysql" is not supported: use file:<path> for SQLite or postgresql:/],
    [{ PORT: 'abc' }, /PORT: must be a whole number from 1 to 65535/],
    [{ PORT: '70000' }, /PORT: must be a whole number from 1 to 65535/],
    [{ PUBLIC_URL: 'desk.example.org' }, /PUBLIC_URL: must be an absolute http/],
    [{ SMTP_URL: 'mail.example.org' }, /SMTP_URL: must be smtp:/],
    [{ VIDEO_ROOM_BASE_URL: 'http://meet.example.org' }, /VIDEO_ROOM_BASE_URL: must be an https:\/\/ URL/],
    [{ VIDEO_ROOM_BASE_URL: 'https://meet.example.org/?room=1' }, /VIDEO_ROOM_BASE_URL: must be an https:\/\/ URL without query/],
    [{ DESK_DEMO: 'maybe' }, /DESK_DEMO: must be one of 1, 0, true, false/],
    [{ DESK_ADMIN_EMAIL: 'admin@example.org' }, /DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD must be set together/],
    [{ DESK_ADMIN_EMAIL: 'admin@example.org', DESK_ADMIN_PASSWORD: 'short' }, /DESK_ADMIN_PASSWORD: must be at least 12 characters/],
    [{ SESSION_TTL_HOURS: '0' }, /SESSION_TTL_HOURS: must be a whole number of hours/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY: trusting every hop lets any client pick its own IP/],
    [{ SECRET_KEY: 'c2hvcnQ=' }, /SECRET_KEY: must be at least 32 random bytes/],
    [{ HOLD_MAX_HOURS: '0' }, /HOLD_MAX_HOURS: must be a whole number of hours from 1 to 720/],
    [{ HOLD_LIMIT_PER_IP: 'many' }, /HOLD_LIMIT_PER_IP: must be a whole number of holds/],
  ])('rejects %j naming the variable and what is allowed', (env, message) => {
    expect(problemsOf(env).join('\n')).toMatch(message);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x', PORT: 'abc' })).toHaveLength(2);
  });

  it('`npm start` with a bad configuration exits non-zero at once with the message', () => {
    // scripts/start.mjs is what `npm start` runs (it compiles the server bundle first when stale).
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, DATABASE_URL: 'mysql://x', PORT: 'abc' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: must be a whole number/);
    expect(result.stderr).toMatch(/DATABASE_URL scheme "mysql" is not supported/);
  });
});

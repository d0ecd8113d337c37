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
    [{ DESK_DEMO: 'maybe' }, /DESK_DEMO: must be one of 1, 0, true, false/],
    [{ DESK_ADMIN_EMAIL: 'admin@example.org' }, /DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD must be set together/],
    [{ DESK_ADMIN_EMAIL: 'admin@example.org', DESK_ADMIN_PASSWORD: 'short' }, /DESK_ADMIN_PASSWORD: must be at least 12 characters/],
    [{ SESSION_TTL_HOURS: '0' }, /SESSION_TTL_HOURS: must be a whole number of hours/],
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

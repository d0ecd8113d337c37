import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderEverything } from './mail-time-zones.test-fixture';

const runFile = promisify(execFile);
const mailDirectory = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(mailDirectory, '../..');
const tsxBinary = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');

/*
 * Setting process.env.TZ inside a running process is not reliable (V8 caches
 * the zone), so each environment gets a fresh process with TZ and the locale
 * variables set before start-up.
 */
const CHILD_SCRIPT = `
import { renderEverything } from ${JSON.stringify(path.join(mailDirectory, 'mail-time-zones.test-fixture.ts'))};
process.stdout.write(JSON.stringify({
  offsetMinutes: new Date(Date.UTC(2027, 2, 22)).getTimezoneOffset(),
  locale: new Intl.DateTimeFormat().resolvedOptions().locale,
  output: renderEverything(),
}));
`;

interface ChildOutput {
  offsetMinutes: number;
  locale: string;
  output: string;
}

async function renderInChild(environment: Record<string, string>): Promise<ChildOutput> {
  const { stdout } = await runFile(tsxBinary, ['-e', CHILD_SCRIPT], {
    cwd: repositoryRoot,
    env: { ...process.env, ...environment },
  });
  return JSON.parse(stdout) as ChildOutput;
}

describe('mail rendering: independent of the process time zone and locale', () => {
  it('renders identical text under TZ=UTC, Asia/Kathmandu, America/New_York and Pacific/Chatham, and in this process', async () => {
    const environments: Array<Record<string, string>> = [
      { TZ: 'UTC', LANG: 'en_US.UTF-8' },
      { TZ: 'Asia/Kathmandu', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      { TZ: 'America/New_York', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
      { TZ: 'Pacific/Chatham', LANG: 'C' },
    ];
    const outputs = await Promise.all(environments.map(renderInChild));

    // The children really ran in different zones (UTC+0, +5:45, −4, +13:45).
    expect(new Set(outputs.map((output) => output.offsetMinutes)).size).toBe(environments.length);
    // …and with different default locales (en-US, de-DE, ja-JP where ICU has them).
    expect(new Set(outputs.map((output) => output.locale)).size).toBeGreaterThan(1);

    const expected = renderEverything();
    expect(expected).toContain('Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)');
    for (const [index, output] of outputs.entries()) {
      expect(output.output, `${environments[index]!.TZ} / ${output.locale}`).toBe(expected);
    }
  });
});

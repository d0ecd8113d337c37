import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createInvite } from './create-invite';
import { makeInviteOptions } from './test-factories';

const runFile = promisify(execFile);
const invitesDirectory = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(invitesDirectory, '../..');
const tsxBinary = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');

/**
 * Setting process.env.TZ inside a running process is not reliable (V8 caches
 * the zone), so each zone gets a fresh process with TZ set before start-up.
 * The child builds the interview from a Zurich wall-clock time with luxon, as
 * the app does, passes `Date` objects (the parent passes numbers), and prints
 * the invite's UTF-8 bytes as base64.
 */
const CHILD_SCRIPT = `
import { DateTime } from 'luxon';
import { createInvite } from ${JSON.stringify(path.join(invitesDirectory, 'create-invite.ts'))};
import { makeInviteOptions } from ${JSON.stringify(path.join(invitesDirectory, 'test-factories.ts'))};
const options = JSON.parse(process.argv[1]);
const start = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 15 }, { zone: 'Europe/Zurich' });
const result = createInvite(makeInviteOptions({
  ...options,
  dtstamp: new Date(options.dtstamp),
  start: start.toJSDate(),
  end: start.plus({ minutes: 30 }).toJSDate(),
}));
process.stdout.write(JSON.stringify({
  offsetMinutes: new Date(Date.UTC(2027, 2, 22)).getTimezoneOffset(),
  base64: 'value' in result ? Buffer.from(result.value, 'utf8').toString('base64') : null,
  error: 'error' in result ? result.error : null,
}));
`;

const SHARED_OPTIONS = {
  dtstamp: Date.UTC(2027, 2, 1, 8, 0, 0),
  summary: 'Interview: Hector Guerra – Le Temps 🎙️',
  description: 'Zürich – Genève\nYour time: 15:00 Europe/Zurich (14:00 UTC)\nTokyo: 23:00 Asia/Tokyo (東京)',
  location: 'Studio 2, Rue du Rhône 1; Genève',
};

interface ChildOutput {
  offsetMinutes: number;
  base64: string | null;
  error: string | null;
}

async function generateInChild(timeZone: string): Promise<ChildOutput> {
  const { stdout } = await runFile(tsxBinary, ['-e', CHILD_SCRIPT, JSON.stringify(SHARED_OPTIONS)], {
    cwd: repositoryRoot,
    env: { ...process.env, TZ: timeZone },
  });
  return JSON.parse(stdout) as ChildOutput;
}

describe('createInvite: independent of the process time zone', () => {
  it('produces byte-identical output under TZ=UTC, Asia/Kathmandu and America/New_York, and in this process', async () => {
    const zones = ['UTC', 'Asia/Kathmandu', 'America/New_York'];
    const outputs = await Promise.all(zones.map(generateInChild));

    // The zones really differed: UTC+0, UTC+5:45, and UTC−4 (New York is on DST by 22 March).
    expect(new Set(outputs.map((output) => output.offsetMinutes)).size).toBe(zones.length);

    const start = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 15 }, { zone: 'Europe/Zurich' });
    const inProcess = createInvite(
      makeInviteOptions({ ...SHARED_OPTIONS, start: start.toMillis(), end: start.plus({ minutes: 30 }).toMillis() }),
    );
    if (!('value' in inProcess)) throw new Error(inProcess.error);
    const expectedBase64 = Buffer.from(inProcess.value, 'utf8').toString('base64');

    for (const [index, output] of outputs.entries()) {
      expect(output.error, zones[index]).toBeNull();
      expect(output.base64, zones[index]).toBe(expectedBase64);
    }
    expect(inProcess.value).toContain('\r\nDTSTART:20270322T140000Z\r\n');
  });
});

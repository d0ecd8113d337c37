// A real CalDAV server for the calendar tests: Debian's Radicale, started on a
// free port with a temporary storage folder and an htpasswd file (plain
// passwords: a test account, nothing to protect).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALENDAR_FIXTURES } from './independent-reader';

export const RADICALE_USER = 'spokesperson';
export const RADICALE_PASSWORD = 'app-password-1234';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningRadicale {
  url: string;
  stop(): Promise<void>;
  /** Creates a calendar collection and stores the fixture files in it; returns its URL. */
  makeCalendar(name: string, files: string[]): Promise<string>;
  /** Stores (or replaces) one object in a calendar. */
  put(calendarUrl: string, name: string, text: string): Promise<void>;
  /** Deletes one object from a calendar. */
  remove(calendarUrl: string, name: string): Promise<void>;
  /** The objects a calendar holds, by name (what a client reading it would see). */
  objects(calendarUrl: string): Promise<Map<string, string>>;
}

export async function startRadicale(): Promise<RunningRadicale> {
  const folder = mkdtempSync(join(tmpdir(), 'radicale-'));
  const port = await freePort();
  writeFileSync(join(folder, 'users'), `${RADICALE_USER}:${RADICALE_PASSWORD}\n`);
  writeFileSync(
    join(folder, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(folder, 'users')}`,
      'htpasswd_encryption = plain',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(folder, 'collections')}`,
      '[logging]',
      'level = warning',
      '[web]',
      'type = none',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/bin/radicale', ['--config', join(folder, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${RADICALE_USER}:${RADICALE_PASSWORD}`).toString('base64')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${url}/.well-known/caldav`, { redirect: 'manual' });
      break;
    } catch {
      if (attempt > 100 || child.exitCode !== null) throw new Error(`Radicale did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const put = async (calendarUrl: string, name: string, text: string) => {
    const response = await fetch(`${calendarUrl}${name}`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'text/calendar; charset=utf-8' }, body: text });
    if (!response.ok) throw new Error(`PUT ${name}: ${response.status} ${await response.text()}`);
  };
  const remove = async (calendarUrl: string, name: string) => {
    const response = await fetch(`${calendarUrl}${name}`, { method: 'DELETE', headers: { authorization: auth } });
    if (!response.ok) throw new Error(`DELETE ${name}: ${response.status} ${await response.text()}`);
  };
  // Radicale answers a GET on a calendar collection with all its objects as one VCALENDAR; PROPFIND lists the names.
  const objects = async (calendarUrl: string) => {
    const listing = await fetch(calendarUrl, { method: 'PROPFIND', headers: { authorization: auth, depth: '1', 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>' });
    const hrefs = [...(await listing.text()).matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)].map((match) => match[1]!).filter((href) => !href.endsWith('/'));
    const found = new Map<string, string>();
    for (const href of hrefs) {
      const response = await fetch(new URL(href, calendarUrl), { headers: { authorization: auth } });
      found.set(decodeURIComponent(href.split('/').pop()!), await response.text());
    }
    return found;
  };
  return {
    url,
    put,
    remove,
    objects,
    async makeCalendar(name, files) {
      const calendarUrl = `${url}/${RADICALE_USER}/${name}/`;
      const body = `<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`;
      const response = await fetch(calendarUrl, { method: 'MKCALENDAR', headers: { authorization: auth, 'content-type': 'application/xml' }, body });
      if (response.status !== 201) throw new Error(`MKCALENDAR: ${response.status} ${await response.text()}`);
      for (const file of files) await put(calendarUrl, file, readFileSync(join(CALENDAR_FIXTURES, file), 'utf8'));
      return calendarUrl;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Media-list benchmarks on the default SQLite: search over 50,000 contacts
 * through a real server over HTTP (contacts.list as a signed-in press
 * officer), and the import of a 5,000-row CSV (in process: the HTTP JSON body
 * limit is below the size of such a file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/env';
import { startServer, type RunningServer } from '../server/start-server';
import { createLogger } from '../server/logger';
import { hashPassword } from '../server/auth/password';
import type { Db } from '../server/db';
import type { Prisma } from '../server/generated/sqlite/client';
import { contactColumns } from '../server/contacts/contact-record';
import { insertContacts, type DatabaseProvider } from '../server/contacts/bulk-insert';
import { toCsv } from '../server/contacts/csv';
import { importContactsCsv } from '../server/contacts/import-contacts-csv';

const FIRST = ['Anna', 'Zoë', 'Jürgen', 'Camille', 'Łucja', 'Dana', 'Héctor', 'Kasia', 'Olúwaseun', 'Mei', 'Søren', 'Ana', 'Ibrahim', 'Nikos', 'Priya', 'Tomás'];
const LAST = ['Müller', 'Dufour', 'Nguyễn', 'García', 'Kowalska', 'Okafor', 'Rossi', 'Smith', 'Łukasiewicz', 'Ødegaard', 'Papadopoulos', 'Sharma', 'Haddad', 'Jensen', 'Costa', 'Bianchi'];
const BEATS = ['Defence', 'Climate', 'Foreign desk', 'Science', 'Politics', 'Humanitarian'];
const LANGUAGES = [['en'], ['fr'], ['de', 'en'], ['es'], ['pl', 'en'], ['it']];
const COUNTRIES = ['CH', 'FR', 'DE', 'ES', 'PL', 'IT', 'GB', 'US'];
const QUERIES = ['mul', 'muller', 'zoe', 'dufour', 'ana', 'lukas', 'nguyen', 'garcia', 'kowal', 'smith', 'camille d', 'jurgen m', 'okafor', 'odeg', 'priya', 'haddad', 'defence', 'wire', 'tribune', 'example'];

/** 50,000 contacts at 200 outlets, written in batches of 1,000 as imports write them (bulk-insert.ts). */
export async function seedContacts(db: Db, count = 50_000, provider: DatabaseProvider = 'sqlite'): Promise<void> {
  const now = new Date();
  const outlets = Array.from({ length: 200 }, (_, index) => ({ id: randomUUID(), name: `${index % 2 ? 'Tribune' : 'Wire'} ${index}`, kind: 'print', nameFolded: `${index % 2 ? 'tribune' : 'wire'} ${index}`, createdAt: now, updatedAt: now }));
  await db.outlet.createMany({ data: outlets });
  for (let start = 0; start < count; start += 1_000) {
    const rows: Prisma.MediaContactCreateManyInput[] = [];
    for (let index = start; index < Math.min(count, start + 1_000); index++) {
      const outlet = outlets[index % outlets.length]!;
      const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]} ${index}`;
      rows.push({
        id: randomUUID(),
        ...contactColumns({
          name, emails: [`contact.${index}@example.org`], phones: [], whatsapp: null, outletId: outlet.id, outletName: outlet.name,
          role: BEATS[index % BEATS.length]!, languages: LANGUAGES[index % LANGUAGES.length]!, timeZone: null, country: COUNTRIES[index % COUNTRIES.length]!, notes: null, tags: [],
        }),
        source: 'bench', lawfulBasis: 'legitimate_interest', lawfulBasisAt: now, createdAt: now, updatedAt: now,
      });
    }
    await db.$transaction((tx) => insertContacts(tx, provider, rows));
  }
}

function importCsvText(): string {
  const rows = Array.from({ length: 5_000 }, (_, index) => [
    `${FIRST[index % FIRST.length]} Import ${index}`, `import.${index}@example.org`, `+41 78 ${String(index).padStart(7, '0').replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')}`,
    `Import Outlet ${index % 20}`, BEATS[index % BEATS.length]!, 'en; fr', 'CH', 'Europe/Zurich', 'bench',
  ]);
  return toCsv(['Name', 'Email', 'Phone', 'Outlet', 'Beat', 'Languages', 'Country', 'Time zone', 'Tags'], rows);
}

async function signIn(base: string, db: Db): Promise<string> {
  await db.user.create({ data: { email: 'bench.officer@example.org', name: 'Bench Officer', role: 'press_officer', passwordHash: await hashPassword('bench-password-123') } });
  const response = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench.officer@example.org', password: 'bench-password-123' }) });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`login failed: HTTP ${response.status}`);
  return cookie.split(';')[0]!;
}

function median(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: round(sorted[Math.floor(sorted.length / 2)]!), p95Ms: round(sorted[Math.floor(sorted.length * 0.95)]!) };
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

export async function runContactsBench(options: { contacts?: number; queries?: number } = {}) {
  const contacts = options.contacts ?? 50_000;
  const queries = options.queries ?? 200;
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-contacts-'));
  let running: RunningServer | undefined;
  try {
    const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'bench.db')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent', PORT: '3999' });
    running = await startServer({ config: { ...config, port: 0 }, logger: createLogger('silent'), buildClient: false, announce: () => {} });
    const db = running.database.prisma;
    const seedStarted = performance.now();
    await seedContacts(db, contacts, running.database.provider);
    const seedMs = Math.round(performance.now() - seedStarted);
    const cookie = await signIn(running.url, db);
    const url = (query: string) => `${running!.url}/trpc/contacts.list?input=${encodeURIComponent(JSON.stringify({ query, limit: 50 }))}`;
    const fetchOnce = async (query: string) => {
      const started = performance.now();
      const response = await fetch(url(query), { headers: { cookie } });
      const body = (await response.json()) as { result?: { data: { contacts: unknown[] } } };
      if (!response.ok || !body.result) throw new Error(`HTTP ${response.status} for ${query}`);
      return { ms: performance.now() - started, hits: body.result.data.contacts.length };
    };
    for (const query of QUERIES) await fetchOnce(query); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (let index = 0; index < queries; index++) {
      const result = await fetchOnce(QUERIES[index % QUERIES.length]!);
      times.push(result.ms);
      hits += result.hits;
    }
    const search = { ...median(times), queries, averageHits: round(hits / queries) };

    const csv = importCsvText();
    const context = { db, actor: { type: 'system' as const }, now: new Date(), provider: running.database.provider };
    const importStarted = performance.now();
    const report = await importContactsCsv(context, { csv, dryRun: false, lawfulBasis: 'legitimate_interest' });
    const importMs = Math.round(performance.now() - importStarted);
    const reimportStarted = performance.now();
    const again = await importContactsCsv(context, { csv, dryRun: false, lawfulBasis: 'legitimate_interest' });
    const reimportMs = Math.round(performance.now() - reimportStarted);
    return { contacts, seedMs, search, import: { rows: 5_000, ms: importMs, counts: report.counts }, reimport: { ms: reimportMs, counts: again.counts } };
  } finally {
    await running?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runContactsBench().then((result) => console.log(JSON.stringify(result, null, 2)));
}

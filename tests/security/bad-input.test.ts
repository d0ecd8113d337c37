// The bad-input corpus against every procedure of the app router, over real HTTP.
//
// Procedures are enumerated from appRouter._def.procedures, so one added
// later is covered without touching this file. For each, the corpus is sent
// as the whole input and at every field path its input schema names (nested
// objects and the first element of arrays too), inside a valid input where
// this file knows one, so a bad value is the only thing wrong and would
// reach the database if the schema let it through. A signed-in admin sends
// everything. Nothing may answer ≥ 500, a 400 must be VALIDATION_FAILED in
// the documented shape (never a leaked TypeError), and afterwards no text
// column of any table holds a control character or a broken surrogate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '../../server/routers/_app';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeSpokesperson, makeUser, TEST_PASSWORD } from '../support/factories';

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

/** Signing out would end the admin's session in the middle of the corpus; it takes no input anyway. */
const SKIPPED = new Set(['auth.logout']);

const HUGE = 'x'.repeat(10_000);
/** Bad strings: each must be refused or stored cleaned, never a 500. */
const BAD_STRINGS: string[] = [
  '\uD800',
  'lone \uDC00 low',
  'nul\u0000byte',
  '\u001b[31mred\u001b[0m ANSI',
  'carriage\rreturn',
  'line\r\nbreak',
  'line\u2028separator',
  'next\u0085line',
  'rtl \u202Eevil.exe',
  'isolate \u2066x\u2069',
  '',
  HUGE,
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-02-30T10:00:00Z',
  '2027-02-30',
  '42',
  'A\u030A composed later',
];
const BAD_VALUES: unknown[] = [
  ...BAD_STRINGS,
  null,
  [],
  {},
  -1,
  1e308,
  true,
  ['a', null, { nested: '\u0000' }],
  { deeper: { deeper: { deeper: ['\uD800', 1, null] } } },
];
const BAD_WHOLE_INPUTS: unknown[] = [undefined, null, [], '', 'x', 42, true, { junk: '\u0000' }, [{ a: 1 }], HUGE];

/** Field paths an input schema names (objects and the first element of arrays, a few levels deep). */
function fieldPaths(schema: z.ZodType | undefined, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (!schema || depth > 3) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return fieldPaths(def.innerType as z.ZodType, prefix, depth);
    case 'pipe':
      return fieldPaths(def.in as z.ZodType, prefix, depth);
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, value]) => [[...prefix, key], ...fieldPaths(value, [...prefix, key], depth + 1)]);
    }
    case 'array':
      return [[...prefix, 0], ...fieldPaths(def.element as z.ZodType, [...prefix, 0], depth + 1)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => fieldPaths(option, prefix, depth));
    default:
      return [];
  }
}

function withValueAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = typeof path[index + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let cookie = '';
const validInputs: Record<string, unknown> = {};

async function call(path: string, type: 'query' | 'mutation', input: unknown) {
  const url = `${server.base}/trpc/${path}`;
  const response =
    type === 'query'
      ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
      : await fetch(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: input === undefined ? undefined : JSON.stringify(input) });
  const text = await response.text();
  return { status: response.status, text };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target, { REQUEST_LIMIT_PER_IP: '1000000', REQUEST_LIMIT_PER_EMAIL: '1000000' }));
  const admin = await makeUser(database.prisma, { role: 'admin' });
  const login = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }) });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/^desk_session=/);

  const spokesperson = await makeSpokesperson(database.prisma, {
    timeZone: 'Europe/Zurich',
    languages: ['en'],
    topics: ['cluster munitions'],
    formats: ['phone', 'video'],
    allowedDurations: [30],
    defaultDurationMinutes: 30,
    minimumNoticeMinutes: 0,
    horizonDays: 365,
    holdSlots: true,
    weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00' })) },
  });
  const day = new Date(Date.now() + 3 * 86_400_000);
  day.setUTCHours(10, 0, 0, 0);
  const start = day.toISOString();
  const from = new Date(day.getTime() - 86_400_000).toISOString();
  const to = new Date(day.getTime() + 86_400_000).toISOString();
  const reporter = { name: 'Dana Reporter', email: 'dana@example.org', outlet: 'Example Wire', phone: '+12025550104', timeZone: 'America/New_York' };
  const create = {
    idempotencyKey: 'bad-input-corpus-0001',
    spokespersonId: spokesperson.id,
    start,
    durationMinutes: 30,
    format: 'video',
    language: 'en',
    attribution: 'on_record',
    topic: 'Cluster munitions',
    questions: 'One\nTwo',
    reporter,
    deadline: new Date(day.getTime() - 3_600_000).toISOString(),
  };
  const created = await call('requests.create', 'mutation', create);
  expect(created.status).toBe(200);
  const { reference, manageToken, requestId } = JSON.parse(created.text).result.data;
  const contact = JSON.parse((await call('contacts.create', 'mutation', { name: 'Ana Contact', emails: ['ana@example.org'] })).text).result.data;
  const outlet = JSON.parse((await call('outlets.create', 'mutation', { name: 'Example Times', kind: 'print' })).text).result.data;
  const window = { from, to, timeZone: 'Asia/Kathmandu' };
  const manage = { reference, token: manageToken };
  Object.assign(validInputs, {
    'requests.create': { ...create, idempotencyKey: undefined },
    'requests.get': manage,
    'requests.cancel': { ...manage, reason: 'Changed plans' },
    'requests.pickProposal': { ...manage, index: 0 },
    'availability.slots': { spokespersonId: spokesperson.id, ...window },
    'availability.search': { topic: 'cluster', ...window },
    'desk.planner': window,
    'desk.requests.list': {},
    'desk.requests.decline': { requestId, reason: 'Not this week' },
    'desk.requests.propose': { requestId, slots: [{ start }], message: 'How about this?' },
    'desk.requests.approve': { requestId, formatDetails: { videoUrl: 'https://meet.example.org/x', notes: 'Bring notes' } },
    'desk.requests.reassign': { requestId, spokespersonId: spokesperson.id },
    'desk.interviews.list': { from, to },
    'contacts.create': { name: 'Corpus Contact', role: 'Editor', notes: 'Line one\nLine two', tags: ['climate'] },
    'contacts.update': { id: contact.id, name: 'Ana Contact', notes: 'Notes' },
    'contacts.list': { query: 'ana' },
    'contacts.exportCsv': { query: 'ana' },
    'contacts.importCsv': { csv: 'name,email,notes\nRow Person,row@example.org,hello', dryRun: false },
    'contacts.previewCsv': { csv: 'name,email\nRow Person,row@example.org' },
    'contacts.importVCard': { vcf: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person\r\nEMAIL:card@example.org\r\nEND:VCARD\r\n' },
    'outlets.create': { name: 'Corpus Outlet', kind: 'online' },
    'outlets.update': { id: outlet.id, name: 'Example Times' },
    'outlets.list': { query: 'exam' },
    'spokespeople.create': { name: 'Corpus Person', title: 'Director', email: 'corpus@example.org', languages: ['en'], timeZone: 'Europe/Zurich', formats: ['video'], bio: 'Bio' },
    'spokespeople.update': { id: spokesperson.id, title: 'Director' },
    'spokespeople.setDateOverride': { spokespersonId: spokesperson.id, date: '2027-06-01', ranges: [], note: 'Away' },
    'spokespeople.addTimeOff': { spokespersonId: spokesperson.id, start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z', reason: 'Travel' },
    'spokespeople.previewAvailability': { spokespersonId: spokesperson.id, weeklyRules: [{ weekday: 1, start: '09:00', end: '17:00' }], ...window },
    'releases.create': { title: 'Corpus release', body: 'Body\ntext' },
    'pressContacts.create': { name: 'Press Person', title: 'Officer', email: 'press@example.org' },
    'users.create': { email: 'new.user@example.org', name: 'New User', role: 'press_officer', password: 'a long enough password' },
    'outbox.list': { recipient: 'dana' },
    // A public address literal: no DNS needed, and the SSRF guard lets it through, so every field's bad values reach the schema.
    'webhooks.create': { url: 'https://93.184.215.14/hooks/desk', description: 'Newsroom CRM', events: ['request.created'] },
    'webhooks.setAlertChannel': { kind: 'slack', url: 'https://93.184.215.14/services/T0/B0/x' },
    'webhooks.deliveries': { endpointId: requestId },
  });
});

afterAll(async () => {
  await server?.close();
  await database?.destroy();
});

describe('the bad-input corpus against every procedure', () => {
  it('no answer is 5xx, every 400 is a VALIDATION_FAILED with a human message, and nothing bad is stored', async () => {
    const paths = Object.keys(procedures).filter((path) => !SKIPPED.has(path));
    expect(paths.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    for (const path of paths) {
      const procedure = procedures[path]!;
      const type = procedure._def.type === 'query' ? 'query' : 'mutation';
      const base = validInputs[path];
      const inputs: unknown[] = [...BAD_WHOLE_INPUTS];
      for (const fieldPath of fieldPaths(procedure._def.inputs[0])) {
        for (const value of BAD_VALUES) inputs.push(withValueAt(base, fieldPath, value));
      }
      // A few at a time: the server must also hold up under concurrency.
      for (let index = 0; index < inputs.length; index += 16) {
        const batch = inputs.slice(index, index + 16);
        const answers = await Promise.all(batch.map((input) => call(path, type, input)));
        answers.forEach((answer, offset) => {
          sent += 1;
          const shown = JSON.stringify(batch[offset])?.slice(0, 200);
          if (answer.status >= 500) failures.push(`${path} ${answer.status} for ${shown}: ${answer.text.slice(0, 300)}`);
          if (answer.status === 400) {
            const error = JSON.parse(answer.text).error;
            if (error?.data?.appCode !== 'VALIDATION_FAILED' || /is not a function|Cannot read prop|is not iterable/.test(error.message)) {
              failures.push(`${path} unclear 400 for ${shown}: ${answer.text.slice(0, 300)}`);
            }
          }
        });
      }
    }
    if (process.env.BAD_INPUT_REPORT) (await import('node:fs')).writeFileSync(process.env.BAD_INPUT_REPORT, `${sent} sent\n${failures.join('\n')}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(2_000);

    // Every text the database holds, whichever table: no control character but tab and line
    // feed, no broken surrogate, no line or paragraph separator, NEL or direction override in a name.
    const texts = await readAllText(database);
    expect(texts.length).toBeGreaterThan(100);
    const bad = texts.filter(({ value }) => /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/.test(value) || !isWellFormed(value) || /\\u00(0[0-8bcef]|1[0-9a-f]|7f|8[0-9a-f]|9[0-9a-f])|\\ud[89a-f]|\\u202[89]/i.test(value));
    expect(bad.slice(0, 10)).toEqual([]);
    const names = texts.filter(({ column }) => /^(MediaContact|User|Spokesperson|Outlet|PressContact)\.name$|^InterviewRequest\.(reporterName|reporterOutlet|topic)$/.test(column));
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter(({ value }) => /[\n\t\u202A-\u202E\u2066-\u2069]/.test(value))).toEqual([]);
  }, 600_000);

  it('refuses impossible dates instead of rolling them over', async () => {
    const base = validInputs['spokespeople.addTimeOff'] as Record<string, unknown>;
    const answer = await call('spokespeople.addTimeOff', 'mutation', { ...base, start: '2027-02-30T10:00:00Z', end: '2027-03-05T10:00:00Z' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.data.fieldErrors).toEqual({ start: ['2027-02-30 is not a date in the calendar'] });
    const override = await call('spokespeople.setDateOverride', 'mutation', { ...(validInputs['spokespeople.setDateOverride'] as object), date: '2027-02-30' });
    expect(JSON.parse(override.text).error.data.fieldErrors).toEqual({ date: ['This date does not exist'] });
  });

  it('answers an empty "from" with the field and a human message', async () => {
    const answer = await call('availability.slots', 'query', { ...(validInputs['availability.slots'] as object), from: '' });
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.text).error;
    expect(error.data.fieldErrors).toEqual({ from: [expect.stringMatching(/^Use an ISO 8601 instant/)] });
    expect(error.message).not.toMatch(/getTime/);
  });

  it('answers years 0000 and 9999 with the allowed range', async () => {
    const answer = await call('availability.slots', 'query', { ...(validInputs['availability.slots'] as object), from: '0000-01-01T00:00:00Z', to: '9999-12-31T23:59:59Z' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.data.fieldErrors).toEqual({
      from: ['Use a year from 1970 to 2100 (got 0000)'],
      to: ['Use a year from 1970 to 2100 (got 9999)'],
    });
  });

  it('stores text NFC-normalised and multi-line text with LF line breaks', async () => {
    const answer = await call('contacts.create', 'mutation', { name: 'Ange\u0301lique Corpus', notes: 'one\r\ntwo\u2028three' });
    expect(answer.status).toBe(200);
    const { id } = JSON.parse(answer.text).result.data;
    const row = await database.prisma.mediaContact.findUniqueOrThrow({ where: { id }, select: { name: true, notes: true } });
    expect(row).toEqual({ name: 'Angélique Corpus', notes: 'one\ntwo\nthree' });
  });
});

function isWellFormed(value: string): boolean {
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Every text (and JSON, as text) value of every table, with "Table.column". */
async function readAllText(db: TestDatabase): Promise<{ column: string; value: string }[]> {
  const result: { column: string; value: string }[] = [];
  if (db.provider === 'sqlite') {
    const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`);
    for (const { name } of tables) {
      const columns = await db.prisma.$queryRawUnsafe<{ name: string; type: string }[]>(`PRAGMA table_info("${name}")`);
      for (const column of columns.filter((candidate) => /TEXT|JSON|CHAR/i.test(candidate.type))) {
        const rows = await db.prisma.$queryRawUnsafe<{ value: string | null }[]>(`SELECT "${column.name}" AS value FROM "${name}"`);
        for (const row of rows) if (typeof row.value === 'string') result.push({ column: `${name}.${column.name}`, value: row.value });
      }
    }
  } else {
    const columns = await db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await db.prisma.$queryRawUnsafe<{ value: string | null }[]>(`SELECT "${column}"::text AS value FROM "${table}"`);
      for (const row of rows) if (typeof row.value === 'string') result.push({ column: `${table}.${column}`, value: row.value });
    }
  }
  return result;
}

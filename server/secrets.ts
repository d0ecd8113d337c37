// The server's secret keys (random, 256 bits). They derive reporters' manage
// tokens (server/requests/manage-token.ts; only hashes of those are stored)
// and key the hashes that remember erased people (contacts/contact-record.ts).
//
// Where they live: SECRET_KEY (and SECRET_KEY_PREVIOUS) in the environment,
// or the file `<DATA_DIR>/secret.key` (mode 0600, one base64 key a line, the
// current one first), never in the database: whoever can read the database
// (a backup, a replica, a SQL injection) must not be able to mint working
// manage links. Older installs kept the key in a `Setting` row; the first
// start after upgrading moves it into the file and deletes the row, so every
// link already sent keeps working.
//
// Rotation (README "Rotating the secret"): a new current key; the old ones
// stay as previous keys, because a request's token is re-derived (for a retry
// of the create call, for later emails) with the key that made it, found by its
// stored hash, and erased people's hashes were made with the key of their day.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';
import type { Config } from './env';

/** The key file's name under DATA_DIR. */
export const SECRET_FILE = 'secret.key';
/** The `Setting` row older versions kept the key in. */
const LEGACY_SETTING = 'secret.manageTokenKey';

export interface ServerKeys {
  /** Makes new tokens and hashes. */
  current: Buffer;
  /** Every key to try when checking (the current one first). */
  all: Buffer[];
}

// One keyring per process (one server = one configuration). Keys are only
// ever added: a process that loaded other keys before (tests starting several
// servers) still recognises what it made with them.
let keyring: ServerKeys | undefined;

/** The current key. Throws if prepareServerSecrets (or useServerKeys in tests) has not run. */
export async function getServerSecret(_db?: unknown): Promise<Buffer> {
  return getServerKeys().current;
}

/** The whole keyring. */
export function getServerKeys(): ServerKeys {
  if (!keyring) throw new Error('The server secret is not loaded: prepareServerSecrets() runs at start.');
  return keyring;
}

/** Every key of the keyring, for checks made with a key handed around as `secret` (the current one). */
export function keysFor(secret: Buffer): Buffer[] {
  return keyring?.current.equals(secret) ? keyring.all : [secret];
}

/** Installs keys (the current one first) in this process; for start-up and tests. */
export function useServerKeys(keys: Buffer[]): ServerKeys {
  const all = [...keys];
  for (const key of keyring?.all ?? []) if (!all.some((known) => known.equals(key))) all.push(key);
  keyring = { current: keys[0]!, all };
  return keyring;
}

/** Whether keys are installed (tests install random ones once per worker). */
export function hasServerKeys(): boolean {
  return keyring !== undefined;
}

/**
 * Loads the keys at start: SECRET_KEY if set, else the key file (created 0600
 * with a fresh key on first start). Moves a key found in the database into
 * the file (as current when there was no file, else as a previous key) and
 * deletes the row. Safe to run on every start.
 */
export async function prepareServerSecrets(options: { db: Db; config: Pick<Config, 'dataDir' | 'secretKeys'> }): Promise<{ source: 'environment' | 'file'; file: string; movedFromDatabase: boolean }> {
  const { db, config } = options;
  const file = join(config.dataDir, SECRET_FILE);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let fileKeys = readKeyFile(file);
  const legacy = await db.setting.findUnique({ where: { key: LEGACY_SETTING } });
  let movedFromDatabase = false;
  if (legacy) {
    const key = Buffer.from(legacy.value as string, 'base64');
    if (!fileKeys.some((known) => known.equals(key))) {
      fileKeys = fileKeys.length === 0 ? [key] : [...fileKeys, key];
      writeKeyFile(file, fileKeys);
    }
    await db.setting.deleteMany({ where: { key: LEGACY_SETTING } });
    movedFromDatabase = true;
  }
  if (fileKeys.length === 0 && !config.secretKeys.current) fileKeys = createKeyFile(file);
  const current = config.secretKeys.current ?? fileKeys[0]!;
  useServerKeys([current, ...config.secretKeys.previous, ...fileKeys]);
  return { source: config.secretKeys.current ? 'environment' : 'file', file, movedFromDatabase };
}

/**
 * Makes a new current key in the key file, keeping the old ones as previous
 * keys (`npm run secret:rotate`). Returns the file. Takes effect at the next start.
 */
export function rotateKeyFile(dataDir: string): string {
  const file = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeKeyFile(file, [randomBytes(32), ...readKeyFile(file)]);
  return file;
}

function readKeyFile(file: string): Buffer[] {
  if (!existsSync(file)) return [];
  // Tighten a file an older version or a careless copy left readable.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => Buffer.from(line, 'base64'))
    .filter((key) => key.length >= 32);
}

/** A new file with one fresh key; if another process created it first, theirs. */
function createKeyFile(file: string): Buffer[] {
  const key = randomBytes(32);
  try {
    const handle = openSync(file, 'wx', 0o600);
    writeFileSync(handle, keyFileText([key]));
    closeSync(handle);
    return [key];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file);
  }
}

/** Replaces the file atomically (a reader never sees half a key), mode 0600 from the start. */
function writeKeyFile(file: string, keys: Buffer[]) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, keyFileText(keys), { mode: 0o600 });
  renameSync(temporary, file);
}

function keyFileText(keys: Buffer[]): string {
  return `# Interview Desk server keys: the first line is current, later lines are previous keys.\n# Keep this file secret and backed up with the database (README "Security").\n${keys.map((key) => key.toString('base64')).join('\n')}\n`;
}

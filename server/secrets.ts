// The server's own secret key (random, 256 bits), kept in the database so that
// every instance sharing it agrees. It derives reporters' manage tokens
// (server/requests/manage-token.ts); only hashes of those are stored.
import { randomBytes } from 'node:crypto';
import type { Db } from './db';

const SECRET_KEY = 'secret.manageTokenKey';
const cache = new WeakMap<object, Promise<Buffer>>();

/** The secret for this database, created on first use (safe when instances race: the first insert wins). */
export function getServerSecret(db: Db): Promise<Buffer> {
  let secret = cache.get(db);
  if (!secret) {
    secret = loadOrCreate(db);
    cache.set(db, secret);
    secret.catch(() => cache.delete(db));
  }
  return secret;
}

async function loadOrCreate(db: Db): Promise<Buffer> {
  const existing = await db.setting.findUnique({ where: { key: SECRET_KEY } });
  if (existing) return Buffer.from(existing.value as string, 'base64');
  try {
    await db.setting.create({ data: { key: SECRET_KEY, value: randomBytes(32).toString('base64') } });
  } catch {
    // Another instance created it first; read theirs.
  }
  const row = await db.setting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return Buffer.from(row.value as string, 'base64');
}

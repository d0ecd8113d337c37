// Re-encrypts the secrets stored sealed (calendar credentials and feed URLs,
// webhook endpoint secrets) for a new server secret (README "Rotating the key"). Usage, with the same DATABASE_URL as the server:
//   OLD_SECRET_BASE64=… NEW_SECRET_BASE64=… node --import tsx scripts/reseal-calendar-secrets.ts
import { loadConfig } from '../server/env';
import { openDatabase } from '../server/db';
import { resealCalendarSecrets } from '../server/calendars/reseal-secrets';

const read = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required (the server secret, base64)`);
  const secret = Buffer.from(value, 'base64');
  if (secret.length < 32) throw new Error(`${name} must decode to at least 32 bytes`);
  return secret;
};
const config = loadConfig(process.env);
const database = await openDatabase(config.database);
try {
  const result = await resealCalendarSecrets({ db: database.prisma, oldSecret: read('OLD_SECRET_BASE64'), newSecret: read('NEW_SECRET_BASE64') });
  console.log(`Re-sealed ${result.resealed} calendar secret(s) (${result.unchanged} already used the new key) and ${result.webhooks.resealed} webhook endpoint secret(s) (${result.webhooks.unchanged} already did).`);
} finally {
  await database.close();
}

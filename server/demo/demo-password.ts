// The demo office's password: made per install, never published. It is kept
// in `<DATA_DIR>/demo-password` (mode 0600) so every start can print it again.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_PASSWORD_FILE = 'demo-password';

/** This install's demo password, created on first use (another process racing us wins, and we read theirs). */
export function loadOrCreateDemoPassword(dataDir: string): string {
  const file = join(dataDir, DEMO_PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // 96 random bits, in letters and digits a person can type from the console.
  const password = `demo-${randomBytes(12).toString('base64url')}`;
  try {
    const handle = openSync(file, 'wx', 0o600);
    writeFileSync(handle, `${password}\n`);
    closeSync(handle);
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}

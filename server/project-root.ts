// The repository's root folder (where package.json is), found from this
// module's location: it runs from server/ under tsx (tests, `npm run dev`) and
// from the compiled dist/server.mjs under `npm start` (scripts/start.mjs), so
// paths must not assume how deep the running file sits.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

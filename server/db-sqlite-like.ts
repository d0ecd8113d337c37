// SQLite's LIKE with a backslash escape, as PostgreSQL's LIKE has by default,
// so one escapeLike() (server/common/escape-like.ts) serves both databases.
//
// SQLite lets an application replace the like() function that implements the
// LIKE operator (https://www.sqlite.org/lang_corefunc.html#like). This one
// keeps SQLite's semantics (`%` any run of characters, `_` one character,
// ASCII letters match case-insensitively, NULL in, NULL out) and adds `\` as
// the default escape character; an explicit ESCAPE clause still wins.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface SqliteConnection {
  prepare(sql: string): { all(): unknown[] };
  function(name: string, options: { deterministic: boolean; varargs: boolean }, implementation: (...args: unknown[]) => unknown): void;
}

/** Compiled patterns; a search issues the same few patterns for every row. Bounded: patterns come from users. */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 500;

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function likeToRegExp(pattern: string, escape: string): RegExp {
  const key = `${escape}\u0000${pattern}`;
  let regExp = compiled.get(key);
  if (regExp) return regExp;
  let source = '';
  const characters = [...asciiLower(pattern)];
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index]!;
    if (character === escape && index + 1 < characters.length) source += quote(characters[++index]!);
    else if (character === '%') source += '[^]*';
    else if (character === '_') source += '[^]';
    else source += quote(character);
  }
  regExp = new RegExp(`^${source}$`, 'u');
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(key, regExp);
  return regExp;
}

function quote(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

/** like(pattern, value[, escape]), as SQLite calls it for `value LIKE pattern [ESCAPE escape]`. */
export function sqliteLike(pattern: unknown, value: unknown, escape?: unknown): number | null {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  const escapeCharacter = typeof escape === 'string' && escape.length > 0 ? escape : '\\';
  return likeToRegExp(String(pattern), escapeCharacter).test(asciiLower(String(value))) ? 1 : 0;
}

/** Wraps the better-sqlite3 adapter factory so each connection it opens has the backslash-escaping LIKE. */
export function withBackslashLikeEscape<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T, onConnection?: (connection: SqliteConnection) => void): T {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => {
          const adapter = await target.connect();
          // @prisma/adapter-better-sqlite3 6.19 keeps its better-sqlite3 Database as `client`.
          const connection = (adapter as unknown as { client?: SqliteConnection }).client;
          if (!connection || typeof connection.function !== 'function') throw new Error('The SQLite adapter no longer exposes its connection; see server/db-sqlite-like.ts');
          connection.function('like', { deterministic: true, varargs: true }, (...args: unknown[]) => sqliteLike(args[0], args[1], args[2]));
          onConnection?.(connection);
          return adapter;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

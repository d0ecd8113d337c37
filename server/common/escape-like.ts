// Text typed into a search is matched literally. Prisma's `contains` and
// `startsWith` become SQL LIKE patterns without escaping the wildcards, so a
// search for "%" would list everything and "_" would match any character.
// Every user-typed value that reaches `contains`/`startsWith`/`endsWith`
// passes through escapeLike(). The escape character is the backslash:
// PostgreSQL's LIKE default; on SQLite, server/db-sqlite-like.ts gives LIKE
// the same rule (SQLite's own LIKE has no escape character unless a query
// names one, which Prisma does not).

/** `value` with the LIKE wildcards `%` and `_` and the escape character `\` escaped by a backslash. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

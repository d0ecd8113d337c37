// Multi-row INSERT through Prisma's raw SQL, for hot write paths (the batched
// request intake).
//
// Why not createMany: with Prisma 6.19's JavaScript engine, createMany runs
// every value through the query compiler and interpreter, about half a
// millisecond a row on this machine; one request writes seven rows. A raw
// INSERT of the same rows costs a fraction of that (BENCHMARKS.md).
//
// Portable between SQLite and PostgreSQL without a branch: identifiers are
// double-quoted (both accept that), placeholders come from Prisma.sql (`?` or
// `$n`), and values go through the same driver-adapter argument mapping as
// Prisma's own writes, so a Date is stored exactly as createMany would store it
// (SQLite: ISO 8601 text; PostgreSQL: timestamp). JSON columns take the JSON
// text: SQLite stores it as text, as Prisma does, and PostgreSQL converts it to
// jsonb from the column's type (the pg adapter sends untyped parameters).
//
// Column names are written out by the callers, so renaming a field in
// prisma/schema.template.prisma means renaming it there too (the intake and
// db-insert tests on both databases fail otherwise).
//
// What Prisma would fill in itself, the caller must give: ids, createdAt and
// updatedAt. Database defaults for other columns (status, counters, booleans)
// apply as usual; a DateTime default (`now()`) must never be left to the
// database, which would store another text format on SQLite.
import { Prisma } from './generated/sqlite/client';
import type { DbOrTx } from './db';

/** A value for a JSON column: stored as its JSON text (see jsonColumn). */
export class JsonColumnValue {
  constructor(readonly text: string) {}
}

/** Marks a value for a JSON column (undefined stays NULL, as in Prisma). */
export function jsonColumn(value: unknown): JsonColumnValue | undefined {
  return value === undefined ? undefined : new JsonColumnValue(JSON.stringify(value));
}

type Value = string | number | boolean | Date | JsonColumnValue | null | undefined;

/** Bound parameters per statement, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts `rows` into `table` (a Prisma model name; identifiers are code
 * constants, never user input). Every row must have the same keys; undefined
 * is stored as NULL; JSON columns take jsonColumn(value). With
 * `ignoreDuplicates`, a row that would break a unique index is skipped
 * (`ON CONFLICT DO NOTHING`, the same on both databases): the count returned
 * says how many were inserted, which is how a caller learns that another
 * instance got there first.
 */
export async function insertRows(db: DbOrTx, table: string, rows: Record<string, Value>[], options: { ignoreDuplicates?: boolean } = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const onConflict = Prisma.raw(options.ignoreDuplicates ? ' ON CONFLICT DO NOTHING' : '');
  let inserted = 0;
  const columns = Object.keys(rows[0]!);
  const columnList = Prisma.raw(columns.map(quoteIdentifier).join(', '));
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const tuples = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => toParameter(row[column])))})`);
    inserted += await db.$executeRaw`INSERT INTO ${Prisma.raw(quoteIdentifier(table))} (${columnList}) VALUES ${Prisma.join(tuples)}${onConflict}`;
  }
  return inserted;
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}

function toParameter(value: Value): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  if (value instanceof JsonColumnValue) return value.text;
  return value;
}

// Database errors reach the log by their shape only: the operation, codes,
// model and columns, never the values of the failed statement (reporters'
// names, emails, message text). Real errors from the database under test,
// logged through the server's own logger into a captured stream.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { AppError } from '../../server/errors';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PERSONAL = { name: 'Zanele Privatperson', email: 'zanele.private@example.org' };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse this');
}

describe('database errors in the log', () => {
  it('a unique-key violation is logged with its operation and columns, not the duplicate address', async () => {
    const data = { email: PERSONAL.email, name: PERSONAL.name, passwordHash: 'x', role: 'admin' };
    await database.prisma.user.create({ data });
    const error = await failure(() => database.prisma.user.create({ data }));
    const { logger, lines } = capturedLogger();
    logger.error({ err: error, path: 'users.create' }, 'procedure failed');
    const logged = JSON.parse(lines[0]!);
    expect(logged.err).toMatchObject({ type: 'PrismaClientKnownRequestError', code: 'P2002', operation: 'prisma.user.create' });
    expect(lines[0]).not.toContain(PERSONAL.email);
    expect(lines[0]).not.toContain(PERSONAL.name);
  });

  it('a statement the database refuses is logged without its parameters, also as the cause of an AppError', async () => {
    const error = await failure(() => database.prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE "email" = $1 AND "no_such_column" = $2`, PERSONAL.email, PERSONAL.name));
    const { logger, lines } = capturedLogger();
    logger.error({ err: new AppError('INTERNAL', 'Lookup failed', { cause: error }) }, 'procedure failed');
    const logged = JSON.parse(lines[0]!);
    expect(logged.err.cause).toMatchObject({ type: 'PrismaClientKnownRequestError', operation: 'prisma.$queryRawUnsafe', code: 'P2010' });
    expect(lines[0]).not.toContain(PERSONAL.email);
    expect(lines[0]).not.toContain(PERSONAL.name);
  });

  it('a call Prisma itself refuses is logged without the arguments it was given', async () => {
    const error = await failure(() => database.prisma.mediaContact.create({ data: { name: PERSONAL.name, email: PERSONAL.email, notAColumn: true } as never }));
    const { logger, lines } = capturedLogger();
    logger.error({ err: error }, 'procedure failed');
    expect(JSON.parse(lines[0]!).err.type).toBe('PrismaClientValidationError');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ operation: 'prisma.mediaContact.create', message: expect.stringMatching(/^Argument `\w+`/) });
    expect(lines[0]).not.toContain(PERSONAL.email);
    expect(lines[0]).not.toContain(PERSONAL.name);
  });

  it('other errors keep their message and stack', () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: new TypeError('x is not a function') }, 'procedure failed');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ type: 'TypeError', message: 'x is not a function', stack: expect.stringContaining('TypeError') });
  });
});

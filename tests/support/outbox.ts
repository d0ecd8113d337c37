// Helpers for the delivery suites: fill the outbox through the real workflow,
// make it due now, and count what an SMTP server received per Message-ID.
import type { TestDatabase } from './test-database';
import type { ReceivedMessage } from '../../server/mail/smtp-server.test-fixture';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput } from './workflow';

/**
 * Creates and approves `count` requests with one new spokesperson: four
 * messages each (received, new, two invites). Distinct times, an hour apart,
 * ten a day from 2 March 2027.
 */
export async function queueApprovedRequests(database: TestDatabase, count: number): Promise<void> {
  const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: `hector-${Math.random().toString(36).slice(2, 8)}@example.org` });
  const reporter = await publicCaller(database);
  const { caller: desk } = await deskCaller(database);
  for (let index = 0; index < count; index++) {
    const start = new Date(Date.UTC(2027, 2, 2 + Math.floor(index / 10), 7 + (index % 10))).toISOString();
    const created = await reporter.requests.create(requestInput(person.id, start));
    await desk.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/x' } });
  }
}

/** Workflow tests queue at their fixed clock (2027); a real process runs on today's: make every pending row due now. */
export async function makeOutboxDueNow(database: TestDatabase): Promise<number> {
  const { count } = await database.prisma.outboxMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
  return count;
}

/** The Message-ID header of a received message, as sent. */
export function messageIdOf(message: ReceivedMessage): string {
  const match = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(message.raw.toString('latin1'));
  if (!match) throw new Error('A received message has no Message-ID');
  return match[1]!;
}

/** How many Message-IDs arrived more than once, and how often each arrived. */
export function countDuplicates(received: ReceivedMessage[]): { duplicates: number; distinct: number } {
  const seen = new Map<string, number>();
  for (const message of received) seen.set(messageIdOf(message), (seen.get(messageIdOf(message)) ?? 0) + 1);
  return { duplicates: [...seen.values()].filter((times) => times > 1).length, distinct: seen.size };
}

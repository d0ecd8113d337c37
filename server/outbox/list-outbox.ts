// The staff mail view's list: what the outbox holds, newest first.
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { oneLineText } from '../common/schema';
import { escapeLike } from '../common/escape-like';

export const listOutboxInput = z.object({
  status: z.enum(['pending', 'sent', 'dead']).optional(),
  /** Part of an address; recipients are stored in lower case, so the match ignores case. */
  recipient: oneLineText().toLowerCase().max(320).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export function listOutboxMessages(options: { db: DbOrTx; input: z.output<typeof listOutboxInput> }) {
  const { input } = options;
  return options.db.outboxMessage.findMany({
    // The mail view lists emails; webhook and alert deliveries are in the webhooks console.
    where: { channel: 'email', ...(input.status ? { status: input.status } : {}), ...(input.recipient ? { recipient: { contains: escapeLike(input.recipient) } } : {}) },
    select: { id: true, kind: true, recipient: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true, messageId: true, requestId: true, interviewId: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
  });
}

import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../common/schema';
import { AppError } from '../errors';
import { listOutboxFiles } from '../mail/transport';
import { retryOutboxMessage } from '../outbox/deliver-outbox';
import { pressOfficerProcedure, router } from '../trpc';

export const outboxRouter = router({
  /** Queued, sent and dead messages, newest first. */
  list: pressOfficerProcedure
    .input(z.object({ status: z.enum(['pending', 'sent', 'dead']).optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) =>
      ctx.db.outboxMessage.findMany({
        where: input.status ? { status: input.status } : {},
        select: { id: true, kind: true, recipient: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true, messageId: true, requestId: true, interviewId: true },
        orderBy: { createdAt: 'desc' },
        take: input.limit,
      }),
    ),
  /** Sends a dead letter again (at once). */
  retry: pressOfficerProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
    if (!(await retryOutboxMessage({ database: ctx.database, id: input.id, now: ctx.now() }))) {
      throw new AppError('NOT_FOUND', 'No such message waiting or dead (sent messages are not sent again).');
    }
    return { ok: true as const };
  }),
  /** Without SMTP_URL: the .eml files that would have been sent. */
  files: pressOfficerProcedure.input(z.object({ limit: z.number().int().min(1).max(200).default(50) })).query(async ({ ctx, input }) => {
    if (ctx.config.smtpUrl) return [];
    const files = await listOutboxFiles(join(ctx.config.dataDir, 'outbox'), { limit: input.limit });
    return files.map((file) => ({ ...file, path: undefined }));
  }),
});

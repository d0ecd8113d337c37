import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../common/schema';
import { AppError } from '../errors';
import { listOutboxFiles } from '../mail/transport';
import { retryOutboxMessage } from '../outbox/deliver-outbox';
import { listOutboxInput, listOutboxMessages } from '../outbox/list-outbox';
import { showOutboxMessage } from '../outbox/show-outbox-message';
import { pressOfficerProcedure, router } from '../trpc';

export const outboxRouter = router({
  /** Queued, sent and dead messages, newest first; optionally only those to addresses containing `recipient`. */
  list: pressOfficerProcedure.input(listOutboxInput).query(({ ctx, input }) => listOutboxMessages({ db: ctx.db, input })),
  /** One message as its recipient gets it: headers, text, HTML, the calendar part and attachments. */
  get: pressOfficerProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => showOutboxMessage({ db: ctx.db, config: ctx.config, id: input.id })),
  /** Where messages go: "smtp", or "file" (.eml files under DATA_DIR/outbox) when SMTP_URL is unset. */
  delivery: pressOfficerProcedure.query(({ ctx }) => ({ delivery: ctx.config.smtpUrl ? ('smtp' as const) : ('file' as const) })),
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

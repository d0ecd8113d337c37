// webhooks.*: endpoints, delivery log, test events, and the office's Slack and
// Teams alert channels (admin only; README "Webhooks", "Desk alerts").
import type { Context } from '../context';
import type { SessionUser } from '../auth/schema';
import { adminProcedure, router } from '../trpc';
import { createEndpoint, listAlertChannels, listDeliveries, listEndpoints, redeliver, removeEndpoint, rotateEndpointSecret, sendTestAlert, sendTestEvent, setAlertChannel, updateEndpoint } from '../webhooks/manage-endpoints';
import { alertChannelKind, createEndpointInput, endpointIdInput, listDeliveriesInput, setAlertChannelInput, updateEndpointInput } from '../webhooks/schema';
import { webhookEventTypes } from '../webhooks/events';
import { z } from 'zod';

function webhookContext(ctx: Context & { user: SessionUser }) {
  return { db: ctx.db, config: ctx.config, actor: { type: 'user' as const, id: ctx.user.id }, ip: ctx.ip, now: ctx.now() };
}

export const webhooksRouter = router({
  /** Endpoints with their pending and dead delivery counts, and the events one can subscribe to. */
  list: adminProcedure.query(async ({ ctx }) => ({ endpoints: await listEndpoints({ db: ctx.db }), eventTypes: [...webhookEventTypes], allowPrivate: ctx.config.webhooks.allowPrivate })),
  /** Returns the new endpoint and its secret (whsec_…), shown this once. */
  create: adminProcedure.input(createEndpointInput).mutation(({ ctx, input }) => createEndpoint(webhookContext(ctx), input)),
  update: adminProcedure.input(updateEndpointInput).mutation(({ ctx, input }) => updateEndpoint(webhookContext(ctx), input)),
  remove: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => removeEndpoint(webhookContext(ctx), input)),
  /** Returns the new secret, shown this once. */
  rotateSecret: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => rotateEndpointSecret(webhookContext(ctx), input)),
  sendTest: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => sendTestEvent(webhookContext(ctx), input)),
  deliveries: adminProcedure.input(listDeliveriesInput).query(({ ctx, input }) => listDeliveries({ db: ctx.db }, input)),
  /** A dead (or waiting) delivery goes again at once, same webhook-id. */
  redeliver: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => redeliver({ database: ctx.database, now: ctx.now() }, input)),
  alerts: adminProcedure.query(({ ctx }) => listAlertChannels({ db: ctx.db })),
  setAlertChannel: adminProcedure.input(setAlertChannelInput).mutation(({ ctx, input }) => setAlertChannel(webhookContext(ctx), input)),
  testAlert: adminProcedure.input(z.object({ kind: alertChannelKind })).mutation(({ ctx, input }) => sendTestAlert(webhookContext(ctx), input)),
});

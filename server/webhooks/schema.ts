// Inputs of the webhooks.* procedures (admin only).
import { z } from 'zod';
import { httpUrlSchema, idSchema, oneLineText } from '../common/schema';
import { webhookEventTypes } from './events';

export const webhookEventSchema = z.enum(webhookEventTypes, { error: `must be one of ${webhookEventTypes.join(', ')}` });

/** An endpoint URL: 2,000 characters is what browsers and most servers accept in a URL. */
const endpointUrl = httpUrlSchema(2000);

export const createEndpointInput = z.object({
  url: endpointUrl,
  description: oneLineText().max(200, 'At most 200 characters').default(''),
  events: z.array(webhookEventSchema).min(1, 'Choose at least one event').max(webhookEventTypes.length).transform((events) => [...new Set(events)]),
});

export const updateEndpointInput = z.object({
  id: idSchema,
  enabled: z.boolean().optional(),
  description: oneLineText().max(200, 'At most 200 characters').optional(),
  events: z.array(webhookEventSchema).min(1, 'Choose at least one event').max(webhookEventTypes.length).transform((events) => [...new Set(events)]).optional(),
});

export const endpointIdInput = z.object({ id: idSchema });

export const listDeliveriesInput = z.object({
  endpointId: idSchema,
  status: z.enum(['pending', 'sent', 'dead']).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const alertChannelKind = z.enum(['slack', 'teams'], { error: 'must be slack or teams' });

export const setAlertChannelInput = z.object({
  kind: alertChannelKind,
  /** The incoming-webhook URL from Slack or Teams; null removes the channel. */
  url: endpointUrl.nullable(),
});

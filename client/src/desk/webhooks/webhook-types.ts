import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type WebhookEndpoint = Outputs['webhooks']['list']['endpoints'][number];
export type WebhookDelivery = Outputs['webhooks']['deliveries'][number];
export type AlertChannel = Outputs['webhooks']['alerts'][number];

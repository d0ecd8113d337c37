// The queue's data shapes, from the server's router (never from another page's file).
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type QueueRequest = Outputs['desk']['requests']['list'][number];
export type PublicSpokesperson = Outputs['spokespeople']['list'][number];

/** Runs one desk action on a request: announces it, refreshes what it changed, moves focus. Resolves to the failure, if any. */
export type Act = (request: QueueRequest, label: string, action: () => Promise<QueueRequest>, describe: (result: QueueRequest) => string) => Promise<{ error: unknown } | null>;

export const headingIdOf = (requestId: string) => `request-${requestId}-heading`;

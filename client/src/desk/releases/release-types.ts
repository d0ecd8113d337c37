import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type ManagedRelease = Outputs['releases']['getManaged'];
export type ListedRelease = Outputs['releases']['listAll'][number];

export const statusNames: Record<string, string> = { draft: 'Draft', scheduled: 'Scheduled', embargoed: 'Under embargo', published: 'Published' };

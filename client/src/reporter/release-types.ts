import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
/** A release as the public sees it (releases.get); the preview adds `underEmbargo`. */
export type PublicRelease = Outputs['releases']['get'];
export type ReleaseContact = NonNullable<PublicRelease['pressContact']>;

import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/routers/_app';

/** The signed-in staff member, as `auth.me` answers. */
export type StaffUser = NonNullable<inferRouterOutputs<AppRouter>['auth']['me']>;
export type StaffRole = StaffUser['role'];

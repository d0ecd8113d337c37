// The console's data layer: TanStack Query with tRPC's integration, one
// QueryClient per console. Pages ask `useTRPC()` for typed query options
// (`useQuery(trpc.desk.requests.list.queryOptions(input))`) and invalidate what
// a mutation changed (`queryClient.invalidateQueries({ queryKey: trpc.desk.pathKey() })`).
// Reporter pages do not load this module: it lives in the console's chunk.
import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../../server/routers/_app';
import { api, errorMessage } from './trpc';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** HTTP status of a tRPC error, when the server sent one. */
function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as { httpStatus?: number } | undefined;
  return data?.httpStatus;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Two press officers work the same queue: what one did shows for the
        // other when the window regains focus, and answers younger than this are reused.
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        // A 4xx answer (not found, forbidden, bad input) will not change by asking again.
        retry: (failureCount, error) => {
          const status = httpStatusOf(error);
          return (status === undefined || status >= 500) && failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

/** Provides the QueryClient and the typed tRPC options to everything below. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={api} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * Loading, error and ready states of a TanStack query, the same everywhere in
 * the console (the reporter pages' `Loaded` does the same for their own hook).
 * A background refetch keeps showing the last answer.
 */
export function QueryResult<T, E>({ query, label, children }: { query: UseQueryResult<T, E>; label: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p role="status">Loading {label}…</p>;
  if (query.isError) return <p role="alert">Could not load {label}: {errorMessage(query.error)}</p>;
  return <>{children(query.data)}</>;
}

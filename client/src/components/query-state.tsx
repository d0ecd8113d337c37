import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-query';

/** Loading, error and ready states for a query, the same everywhere. */
export function Loaded<T>({ state, label, children }: { state: QueryState<T>; label: string; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <p role="status">Loading {label}…</p>;
  if (state.status === 'error') return <p role="alert">Could not load {label}: {state.message}</p>;
  return <>{children(state.data)}</>;
}

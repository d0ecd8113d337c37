// Server errors placed next to the fields they are about: zod's field paths
// ("phones.1.number") for input errors, details.field for domain errors
// (an address another contact has, an outlet that does not exist).
import { TRPCClientError } from '@trpc/client';
import { errorMessage } from '../../api/trpc';

export interface PlacedErrors {
  fields: Record<string, string[]>;
  /** What no field shows: shown above the form's buttons. */
  form: string | null;
}

export const noErrors: PlacedErrors = { fields: {}, form: null };

export function placeErrors(error: unknown): PlacedErrors {
  if (!(error instanceof TRPCClientError)) return { fields: {}, form: errorMessage(error) };
  const data = error.data as { fieldErrors?: Record<string, string[]>; formErrors?: string[]; details?: { field?: unknown } } | undefined;
  if (data?.fieldErrors && Object.keys(data.fieldErrors).length > 0) return { fields: data.fieldErrors, form: data.formErrors?.length ? data.formErrors.join(' ') : null };
  if (typeof data?.details?.field === 'string') return { fields: { [data.details.field]: [error.message] }, form: null };
  return { fields: {}, form: error.message };
}

/** The errors under one prefix, keyed by the rest of the path ("outlet.name" → "name"). */
export function errorsUnder(fields: Record<string, string[]>, prefix: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key.startsWith(`${prefix}.`)).map(([key, messages]) => [key.slice(prefix.length + 1), messages]));
}

import { TRPCClientError } from '@trpc/client';
import type { Language, MessageKey, Translate } from './i18n';

const codes = ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'SLOT_TAKEN', 'INVALID_TRANSITION', 'RATE_LIMITED', 'UNAVAILABLE'] as const;

export function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { appCode?: string } | undefined)?.appCode : undefined;
}

/**
 * What to tell the reporter about a failure, in the page's language. The
 * server writes its messages in English (specific: "Hector Guerra needs at
 * least 2 hours' notice"); on an English page that message is shown, on
 * others a translated one for its error code, so no page mixes languages.
 */
export function reporterErrorMessage(error: unknown, language: Language, t: Translate): string {
  if (language === 'en' && error instanceof Error && error.message) return error.message;
  const code = appCodeOf(error);
  const known = codes.find((candidate) => candidate === code);
  return t(known ? (`error.${known}` as MessageKey) : 'error.other');
}

import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-query';
import { useI18n } from '../i18n/i18n';

/** Loading, error and ready states for a query, the same everywhere (`label`: what loads, in the page's language). */
export function Loaded<T>({ state, label, children }: { state: QueryState<T>; label: string; children: (data: T) => ReactNode }) {
  const { t, language } = useI18n();
  if (state.status === 'loading') return <p role="status">{t('loaded.loading', { label })}</p>;
  // The server's message on English pages; other languages get a whole sentence of their own.
  if (state.status === 'error') return <p role="alert">{language === 'en' ? t('loaded.failedWithReason', { label, reason: state.message }) : t('loaded.failed', { label })}</p>;
  return <>{children(state.data)}</>;
}

// The reporter's pages in their language: ICU messages (FormatJS
// intl-messageformat), English bundled, French and Spanish fetched on demand,
// so the booking page carries one catalogue. Staff pages stay English.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage as formatCatalogueMessage, type PrimitiveType } from './format-message';
import { en, type Messages, type MessageKey } from './messages/en';

import { LANGUAGE_STORAGE_KEY as STORAGE_KEY, initialLanguage, localeFor, type Language } from './language';

export { LANGUAGES, LANGUAGE_NATIVE_NAMES, isLanguage, browserLanguage, languageWasChosen, initialLanguage, localeFor, type Language } from './language';
export type { MessageKey };

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./messages/fr'),
  es: () => import('./messages/es'),
};

const loaded = new Map<Language, Messages>([['en', en]]);
const loading = new Map<Language, Promise<Messages>>();

/** The catalogue of a language, fetched once. */
export function loadMessages(language: Language): Promise<Messages> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language as Exclude<Language, 'en'>]().then((module) => {
      loaded.set(language, module.default);
      return module.default;
    });
    loading.set(language, pending);
  }
  return pending;
}

/** One message, formatted; the key itself when a catalogue lacks it (a unit test keeps that from shipping). */
export function formatMessage(messages: Messages, language: Language, locale: string, key: MessageKey, values?: Record<string, PrimitiveType>): string {
  return formatCatalogueMessage(messages, `page:${language}`, locale, key, values);
}

export type Translate = (key: MessageKey, values?: Record<string, PrimitiveType>) => string;

interface I18n {
  language: Language;
  /** BCP 47 tag for Intl date and number formats. */
  locale: string;
  t: Translate;
  setLanguage: (language: Language) => void;
  /** Shows the page in a language without remembering it on this device (e.g. the one a request was made in). */
  showLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

// Started as the module loads, beside the booking page's early queries.
const firstLanguage = initialLanguage();
if (firstLanguage !== 'en') void loadMessages(firstLanguage).catch(() => {});

/**
 * Provides `t` and the locale. Renders nothing until the chosen language's
 * catalogue is here: a page half in English would be worse than a blank moment.
 */
export function I18nProvider({ children, language: forced }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(forced ?? firstLanguage);
  const [messages, setMessages] = useState<Messages | undefined>(() => loaded.get(language));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const ready = loaded.get(language);
    if (ready) {
      setMessages(ready);
      return;
    }
    loadMessages(language).then(
      (catalogue) => current && setMessages(catalogue),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
    setLanguageState(next);
  }, []);
  const locale = useMemo(() => localeFor(language), [language]);
  // The catalogue shown is always the chosen language's, whole (English, whole, after a failed fetch).
  const current = messages && messages === loaded.get(language) ? messages : undefined;
  const shownLanguage: Language | undefined = current ? language : failed ? 'en' : undefined;
  const shownLocale = shownLanguage === language ? locale : 'en';
  const value = useMemo<I18n | null>(() => {
    if (!shownLanguage) return null;
    const catalogue = loaded.get(shownLanguage)!;
    return { language: shownLanguage, locale: shownLocale, t: (key, values) => formatMessage(catalogue, shownLanguage, shownLocale, key, values), setLanguage, showLanguage: setLanguageState };
  }, [shownLanguage, shownLocale, setLanguage]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

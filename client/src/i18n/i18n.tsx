// The reporter's pages in their language: ICU messages (FormatJS
// intl-messageformat), English bundled, French and Spanish fetched on demand,
// so the booking page carries one catalogue. Staff pages stay English.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage as formatCatalogueMessage, type PrimitiveType } from './format-message';
import { en, type Messages, type MessageKey } from './messages/en';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };

/** Each language's name in itself, for the switcher (never translated: a reader looks for their own). */
export const LANGUAGE_NATIVE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

const STORAGE_KEY = 'interview-desk:language';

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

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages we have ("fr-CH" → fr), else English. */
export function browserLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language a link asks for, else the reporter's choice on this device, else the browser's. */
/** True when the page's language was chosen by a link or on this device, not just taken from the browser. */
export function languageWasChosen(): boolean {
  if (typeof location !== 'undefined' && isLanguage(new URLSearchParams(location.search).get('lang'))) return true;
  try {
    return isLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

export function initialLanguage(): Language {
  // A widget's language, set by the embedding site (embed.js data-language → ?lang=).
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused (private mode, embedded frame): the browser's language.
  }
  return browserLanguage();
}

/**
 * The locale dates and numbers are written in: the browser's own tag when it
 * is in the page's language ("fr-CH" keeps Swiss conventions), else the page's
 * language, so a French page never shows an English date.
 */
export function localeFor(language: Language, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): string {
  return preferred.find((tag) => tag.split('-')[0]!.toLowerCase() === language) ?? language;
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

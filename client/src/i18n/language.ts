// Which language the reporter's pages are in, and the locale their dates are
// written in: pure (no React), so the booking page's first view
// (reporter/first-view/) decides exactly as the app does.
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher (never translated: a reader looks for their own). */
export const LANGUAGE_NATIVE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

export const LANGUAGE_STORAGE_KEY = 'interview-desk:language';

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

/** True when the page's language was chosen by a link or on this device, not just taken from the browser. */
export function languageWasChosen(): boolean {
  if (typeof location !== 'undefined' && isLanguage(new URLSearchParams(location.search).get('lang'))) return true;
  try {
    return isLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return false;
  }
}

/** The language a link asks for, else the reporter's choice on this device, else the browser's. */
export function initialLanguage(): Language {
  // A widget's language, set by the embedding site (embed.js data-language → ?lang=).
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
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

import { MAIL_DATE_LOCALES, type MailLanguage } from './mail-language';

/** Names for BCP 47 tags in each mail language, with an explicit locale so the server's locale never leaks in. */
const languageNames = new Map<MailLanguage, Intl.DisplayNames>();

/**
 * The language's name in the reader's language: "en" → "English", "fr-CH" →
 * "Swiss French" ("français suisse" in French). A tag Intl cannot read is
 * returned as given (trimmed, at most 35 characters, the longest tag the
 * boundary schema accepts). Never throws.
 */
export function formatLanguageName(tag: string, language: MailLanguage = 'en'): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language === 'en' ? 'en' : MAIL_DATE_LOCALES[language]], { type: 'language', fallback: 'code' });
    languageNames.set(language, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag.replace(/\s+/g, ' ').trim().slice(0, 35);
  }
}

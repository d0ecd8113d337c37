/**
 * The language of an email and of the invite text in it: the reporter's
 * (InterviewRequest.reporterLocale, chosen on their pages), English for staff.
 * Messages are ICU, formatted by the same function as the reporter's pages
 * (client/src/i18n/format-message.ts), from the catalogues in ./messages.
 */
import { formatMessage, type PrimitiveType } from '../../client/src/i18n/format-message';
import { en, type MailMessageKey, type MailMessages } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';

export const MAIL_LANGUAGES = ['en', 'fr', 'es'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export type { MailMessageKey };

export const MAIL_CATALOGUES: Record<MailLanguage, MailMessages> = { en, fr, es };

/**
 * The locale dates are written in: British English (day before month, 24 h)
 * for English, as the emails always were; French and Spanish by CLDR.
 */
export const MAIL_DATE_LOCALES: Record<MailLanguage, string> = { en: 'en-GB', fr: 'fr', es: 'es' };

/** "fr-CH" → fr; anything we have no catalogue for → en. */
export function mailLanguageOf(tag: string | null | undefined): MailLanguage {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  return (MAIL_LANGUAGES as readonly string[]).includes(primary) ? (primary as MailLanguage) : 'en';
}

export type MailTranslate = (key: MailMessageKey, values?: Record<string, PrimitiveType>) => string;

/** `t(key, values)` in one language. */
export function mailTranslator(language: MailLanguage): MailTranslate {
  const catalogue = MAIL_CATALOGUES[language];
  return (key, values) => formatMessage(catalogue, `mail:${language}`, MAIL_DATE_LOCALES[language], key, values);
}

// The one place ICU messages are formatted (FormatJS intl-messageformat), for
// the reporter's pages (i18n.tsx) and the emails and invites the server sends
// them (server/mail/mail-language.ts). Pure: no DOM, no React.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

export type { PrimitiveType };

const compiled = new Map<string, IntlMessageFormat>();

/**
 * One message of a catalogue, formatted in `locale`; the key itself when the
 * catalogue lacks it (the catalogue tests keep that from shipping).
 * `scope` keeps compiled messages of different catalogues apart.
 */
export function formatMessage<K extends string>(messages: Partial<Record<K, string>>, scope: string, locale: string, key: K, values?: Record<string, PrimitiveType>): string {
  const source = messages[key];
  if (source === undefined) return key;
  const cacheKey = `${scope}|${locale}|${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // In the built client the catalogues are precompiled (client/vite.config.ts): `source` is then
    // an ICU syntax tree, which IntlMessageFormat takes as it takes the string (the server parses).
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

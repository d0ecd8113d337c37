// How interview formats and languages are named to reporters, the same on
// every page (slot picker, request form, "anyone on a topic" search).

const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/**
 * "es" → "Spanish", in the given locale (the browser's by default); the tag
 * itself when the browser cannot tell. Capitalised for lists and menus unless
 * `inSentence` ("en español", "en français").
 */
export function languageName(tag: string, locale?: string, inSentence = false): string {
  const key = locale ?? '';
  if (!displayNames.has(key)) displayNames.set(key, typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(locale, { type: 'language' }) : undefined);
  try {
    const name = displayNames.get(key)?.of(tag) ?? tag;
    if (inSentence) return name;
    // French and Spanish write language names in lower case; in a list or a select they start a line.
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return tag;
  }
}

export const formatNames: Record<string, string> = {
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  video: 'Video call',
  studio: 'Studio',
  in_person: 'In person',
  written: 'Written Q&A',
};

export const formatName = (format: string) => formatNames[format] ?? format;

/** The same name inside a sentence ("a video call", "written Q&A"); a name like WhatsApp keeps its capitals. */
export function formatNameInSentence(format: string): string {
  const name = formatName(format);
  return /^[A-Z][a-z]*(\s|$)/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

const attributionNames: Record<string, string> = { on_record: 'On the record', background: 'Background', off_record: 'Off the record' };

/** "on_record" → "On the record". */
export const attributionName = (attribution: string) => attributionNames[attribution] ?? attribution;

/** The languages reporters may ask for, from a list of tags: by primary language ("en-GB" → "en"), in name order. */
export function primaryLanguages(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.split('-')[0]!.toLowerCase()))].sort((a, b) => languageName(a).localeCompare(languageName(b)));
}

/** The tag among `offered` that serves a reporter asking for `wanted` ("es" finds "es-CO", and the other way round). */
export function matchLanguage(offered: string[], wanted: string | null | undefined): string | undefined {
  if (!wanted) return undefined;
  const primary = wanted.split('-')[0]!.toLowerCase();
  return offered.find((tag) => tag.toLowerCase() === wanted.toLowerCase()) ?? offered.find((tag) => tag.split('-')[0]!.toLowerCase() === primary);
}

/** English names for BCP 47 tags, with an explicit locale so the server's locale never leaks in. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * The language's English name: "en" → "English", "fr-CH" → "Swiss French".
 * A tag Intl cannot read is returned as given (trimmed, at most 35 characters,
 * the longest tag the boundary schema accepts). Never throws.
 */
export function formatLanguageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag.replace(/\s+/g, ' ').trim().slice(0, 35);
  }
}

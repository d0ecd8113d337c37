import { foldForSearch } from '../contacts/search-text';

/**
 * A URL slug from a name or title: accents and letters like ß or ł folded the
 * same way as search ("Łukasz Müller" → "lukasz-muller"), anything else a dash.
 */
export function slugify(text: string, options: { maxLength: number; fallback: string }): string {
  return (
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, options.maxLength)
      .replace(/-+$/, '') || options.fallback
  );
}

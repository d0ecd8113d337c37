// The media list's filters. They live in the query string, so a reload, a
// shared link or coming back from a contact shows the same search.
import type { Outlet } from './contact-types';

const filterKeys = ['q', 'outlet', 'role', 'language', 'country', 'tag', 'archived'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Record<FilterKey, string>;

export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

export function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key].trim()) params.set(key, filters[key].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What the server is asked: blank and not-yet-valid fields are left out (they would be refused). */
export function listInput(filters: Filters) {
  return {
    query: filters.q.trim() || undefined,
    outletId: filters.outlet || undefined,
    role: filters.role.trim() || undefined,
    language: LANGUAGE_TAG.test(filters.language.trim()) ? filters.language.trim() : undefined,
    country: COUNTRY_CODE.test(filters.country.trim()) ? filters.country.trim() : undefined,
    tag: filters.tag.trim() || undefined,
    includeArchived: filters.archived === '1',
  };
}

export function isFiltering(input: ReturnType<typeof listInput>): boolean {
  return Object.values(input).some((value) => value !== undefined && value !== false);
}

export function ContactFilters({ filters, onChange, outlets, outletsError }: { filters: Filters; onChange: (filters: Filters) => void; outlets: Outlet[] | undefined; outletsError: string | null }) {
  const set = (key: FilterKey) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = event.target instanceof HTMLInputElement && event.target.type === 'checkbox' ? (event.target.checked ? '1' : '') : event.target.value;
    onChange({ ...filters, [key]: value });
  };
  const countryInvalid = filters.country.trim() !== '' && !COUNTRY_CODE.test(filters.country.trim());
  const languageInvalid = filters.language.trim() !== '' && !LANGUAGE_TAG.test(filters.language.trim());
  return (
    <form className="contact-filters" role="search" aria-label="Media contacts" onSubmit={(event) => event.preventDefault()}>
      <div className="contact-search">
        <label htmlFor="contact-query">Search</label>
        <input id="contact-query" type="search" value={filters.q} onChange={set('q')} aria-describedby="contact-query-hint" autoComplete="off" />
        <p id="contact-query-hint" className="meta hint">Start of any word in the name, email, outlet, beat or tag; accents and capitals do not matter.</p>
      </div>
      <div>
        <label htmlFor="contact-outlet">Outlet</label>
        <select id="contact-outlet" value={filters.outlet} onChange={set('outlet')}>
          <option value="">All outlets</option>
          {outlets?.map((outlet) => (
            <option key={outlet.id} value={outlet.id}>
              {outlet.name} ({outlet.contactCount}{outlet.noShowCount > 0 ? `, ${outlet.noShowCount} no-show${outlet.noShowCount === 1 ? '' : 's'}` : ''})
            </option>
          ))}
        </select>
        {outletsError && <span className="field-error">Could not load outlets: {outletsError}</span>}
      </div>
      <div>
        <label htmlFor="contact-role">Beat or role</label>
        <input id="contact-role" value={filters.role} onChange={set('role')} autoComplete="off" />
      </div>
      <div>
        <label htmlFor="contact-language">Language</label>
        <input id="contact-language" value={filters.language} onChange={set('language')} aria-describedby="contact-language-hint" aria-invalid={languageInvalid || undefined} autoComplete="off" />
        <span id="contact-language-hint" className={languageInvalid ? 'field-error' : 'meta hint'}>{languageInvalid ? 'Use a language code such as en or fr-CH' : 'Code, e.g. en, fr'}</span>
      </div>
      <div>
        <label htmlFor="contact-country">Country</label>
        <input id="contact-country" value={filters.country} onChange={set('country')} maxLength={2} aria-describedby="contact-country-hint" aria-invalid={countryInvalid || undefined} autoComplete="off" />
        <span id="contact-country-hint" className={countryInvalid ? 'field-error' : 'meta hint'}>{countryInvalid ? 'Use a two-letter code such as CH' : 'Two letters, e.g. CH'}</span>
      </div>
      <div>
        <label htmlFor="contact-tag">Tag</label>
        <input id="contact-tag" value={filters.tag} onChange={set('tag')} autoComplete="off" />
      </div>
      <div className="contact-archived">
        <input id="contact-archived" type="checkbox" checked={filters.archived === '1'} onChange={set('archived')} />
        <label htmlFor="contact-archived">Include archived</label>
      </div>
    </form>
  );
}

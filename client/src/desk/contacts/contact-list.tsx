// /desk/contacts: the media list, searchable, page after page, with the ways
// into adding, importing, merging and exporting.
import { useEffect, useId, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { onLinkClick, useLocation } from '../../router';
import { zoneCity } from '../../time';
import { languageName } from '../../components/interview-options';
import { ContactFilters, filtersFromSearch, isFiltering, listInput, searchOf, type Filters } from './contact-filters';
import { contactPath, DUPLICATES_PATH, IMPORT_PATH, LIST_PATH, NEW_PATH, rememberListUrl, type Contact } from './contact-types';
import { ListExport } from './list-export';

/** Contacts per page: enough to scan, small enough to answer at once. */
const PAGE_SIZE = 50;
/** Typing pauses this long before the search runs, so each keystroke is not a query. */
const SEARCH_DELAY_MS = 300;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function ContactListPage() {
  const trpc = useTRPC();
  const { search } = useLocation();
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(search));
  const settled = useDebounced(filters, SEARCH_DELAY_MS);
  const input = listInput(settled);
  // The server's keyset cursor: "Show more" neither repeats nor skips contacts added meanwhile.
  const pages = useInfiniteQuery(trpc.contacts.list.infiniteQueryOptions({ ...input, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const outlets = useQuery(trpc.outlets.list.queryOptions({}));
  const listHeading = useId();

  useEffect(() => {
    const url = `${LIST_PATH}${searchOf(settled)}`;
    rememberListUrl(url);
    if (window.location.pathname === LIST_PATH && window.location.search !== searchOf(settled)) window.history.replaceState(null, '', url);
  }, [settled]);

  const filtering = isFiltering(input);
  const typing = JSON.stringify(filters) !== JSON.stringify(settled);
  const contacts = pages.data?.pages.flatMap((page) => page.contacts) ?? [];

  return (
    <>
      <h1>Media contacts</h1>
      <nav className="contact-actions" aria-label="Media list actions">
        <a className="button" href={NEW_PATH} onClick={onLinkClick}>Add a contact</a>
        <a className="button button-secondary" href={IMPORT_PATH} onClick={onLinkClick}>Import CSV or vCard</a>
        <a className="button button-secondary" href={DUPLICATES_PATH} onClick={onLinkClick}>Likely duplicates</a>
      </nav>
      <ContactFilters filters={filters} onChange={setFilters} outlets={outlets.data} outletsError={outlets.isError ? errorMessage(outlets.error) : null} />
      <div className="contact-toolbar">
        <p role="status" className="contact-count">
          {typing || pages.isPending ? 'Searching…' : !pages.data ? '' : countText(contacts.length, pages.hasNextPage, filtering)}
        </p>
        <ListExport filters={input} disabled={!pages.data || contacts.length === 0} />
      </div>
      <h2 id={listHeading} className="visually-hidden">Contacts</h2>
      {pages.isPending && <p>Loading contacts…</p>}
      {pages.isError && !pages.data && (
        <div role="alert" className="form-error">
          <p>Could not load contacts: {errorMessage(pages.error)}</p>
          <button type="button" onClick={() => pages.refetch()}>Try again</button>
        </div>
      )}
      {pages.data &&
        (contacts.length === 0 ? (
          <div className="card contact-empty">
            <p>{filtering ? 'No contacts match this search.' : 'The media list is empty.'}</p>
            {filtering && (
              <button type="button" className="secondary" onClick={() => setFilters(filtersFromSearch(''))}>
                Clear the search
              </button>
            )}
          </div>
        ) : (
          <>
            <ul className="contact-list" aria-labelledby={listHeading}>
              {contacts.map((contact) => (
                <ContactRow key={contact.id} contact={contact} />
              ))}
            </ul>
            {pages.hasNextPage && (
              <button type="button" onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? 'Loading more…' : 'Show more'}
              </button>
            )}
            {pages.isFetchNextPageError && <p role="alert" className="form-error">Could not load more contacts: {errorMessage(pages.error)}</p>}
          </>
        ))}
    </>
  );
}

function countText(shown: number, more: boolean, filtering: boolean): string {
  if (shown === 0) return filtering ? 'No contacts found.' : 'No contacts yet.';
  const noun = `contact${shown === 1 ? '' : 's'}`;
  if (more) return `${shown} ${noun} shown; more available.`;
  return filtering ? `${shown} ${noun} found.` : `${shown} ${noun}.`;
}

function ContactRow({ contact }: { contact: Contact }) {
  return (
    <li className="contact-row">
      <div className="contact-name">
        <a href={contactPath(contact.id)} onClick={onLinkClick}>{contact.name}</a>
        {contact.doNotContact && <span className="badge badge-warning">Do not contact</span>}
        {contact.archivedAt && <span className="badge">Archived</span>}
      </div>
      <div className="contact-work">
        {contact.outlet?.name ?? <span className="meta">No outlet</span>}
        {contact.role && <span className="meta"> · {contact.role}</span>}
      </div>
      <div className="contact-reach meta">
        {[contact.languages.map((tag) => languageName(tag)).join(', '), contact.country, contact.timeZone && zoneCity(contact.timeZone)].filter(Boolean).join(' · ')}
      </div>
      <div className="contact-email">{contact.emails[0] ?? <span className="meta">No email</span>}</div>
    </li>
  );
}

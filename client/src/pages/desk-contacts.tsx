import { useEffect, useId, useRef, useState } from 'react';
import { api, errorMessage } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { onLinkClick, useLocation } from '../router';
import { browserTimeZone, formatLocalTimeNow, formatTime, zoneCity } from '../time';
import { formatNameInSentence, languageName } from '../components/interview-options';
import type { StaffUser } from './desk';
import './desk-contacts.css';

type ContactPage = Awaited<ReturnType<typeof api.contacts.list.query>>;
type Contact = ContactPage['contacts'][number];
type ContactDetails = Awaited<ReturnType<typeof api.contacts.get.query>>;
type TimelineEntry = ContactDetails['timeline'][number];
type Outlet = Awaited<ReturnType<typeof api.outlets.list.query>>[number];

const LIST_PATH = '/desk/contacts';
/** Contacts per page: enough to scan, small enough to answer at once. */
const PAGE_SIZE = 50;
/** Typing pauses this long before the search runs, so each keystroke is not a query. */
const SEARCH_DELAY_MS = 300;

/**
 * The list's filters live in the query string, so a reload, a shared link or
 * coming back from a contact shows the same search.
 */
const filterKeys = ['q', 'outlet', 'role', 'language', 'country', 'tag', 'archived'] as const;
type FilterKey = (typeof filterKeys)[number];
type Filters = Record<FilterKey, string>;

function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key].trim()) params.set(key, filters[key].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The list URL last shown, for the detail page's way back. */
let lastListUrl = LIST_PATH;

const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What the server is asked: blank and not-yet-valid fields are left out (they would be refused). */
function listInput(filters: Filters) {
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

/** `/desk/contacts` is the media list; `/desk/contacts/<id>` one contact. */
export function ContactsPage(_props: { user: StaffUser }) {
  const { path } = useLocation();
  const id = path.startsWith(`${LIST_PATH}/`) ? decodeURIComponent(path.slice(LIST_PATH.length + 1)) : '';
  return id ? <ContactDetailPage key={id} id={id} /> : <ContactListPage />;
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

type PagesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; contacts: Contact[]; nextCursor: string | null; more: 'idle' | 'loading' | { error: string } };

/**
 * Page after page of one search. The server's keyset cursor means "Show more"
 * neither repeats nor skips contacts when others are added meanwhile.
 */
function useContactPages(input: ReturnType<typeof listInput>, retry: number) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<PagesState>({ status: 'loading' });
  const current = useRef(key);
  useEffect(() => {
    current.current = key;
    setState({ status: 'loading' });
    api.contacts.list.query({ ...input, limit: PAGE_SIZE }).then(
      (page) => current.current === key && setState({ status: 'ready', contacts: page.contacts, nextCursor: page.nextCursor, more: 'idle' }),
      (error: unknown) => current.current === key && setState({ status: 'error', message: errorMessage(error) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, retry]);
  const showMore = () => {
    if (state.status !== 'ready' || !state.nextCursor || state.more === 'loading') return;
    const cursor = state.nextCursor;
    setState({ ...state, more: 'loading' });
    api.contacts.list.query({ ...input, limit: PAGE_SIZE, cursor }).then(
      (page) =>
        current.current === key &&
        setState((previous) => (previous.status === 'ready' ? { status: 'ready', contacts: [...previous.contacts, ...page.contacts], nextCursor: page.nextCursor, more: 'idle' } : previous)),
      (error: unknown) => current.current === key && setState((previous) => (previous.status === 'ready' ? { ...previous, more: { error: errorMessage(error) } } : previous)),
    );
  };
  return { state, showMore };
}

function ContactListPage() {
  const { search } = useLocation();
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(search));
  const [retry, setRetry] = useState(0);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const settled = useDebounced(filters, SEARCH_DELAY_MS);
  const input = listInput(settled);
  const { state, showMore } = useContactPages(input, retry);
  const outlets = useQuery(() => api.outlets.list.query({}), []);
  const listHeading = useId();

  useEffect(() => {
    lastListUrl = `${LIST_PATH}${searchOf(settled)}`;
    if (window.location.pathname === LIST_PATH && window.location.search !== searchOf(settled)) window.history.replaceState(null, '', lastListUrl);
  }, [settled]);

  const set = (key: FilterKey) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = event.target instanceof HTMLInputElement && event.target.type === 'checkbox' ? (event.target.checked ? '1' : '') : event.target.value;
    setFilters((previous) => ({ ...previous, [key]: value }));
  };
  const countryInvalid = filters.country.trim() !== '' && !COUNTRY_CODE.test(filters.country.trim());
  const languageInvalid = filters.language.trim() !== '' && !LANGUAGE_TAG.test(filters.language.trim());
  const filtering = Object.values(input).some((value) => value !== undefined && value !== false);
  const typing = JSON.stringify(filters) !== JSON.stringify(settled);

  async function exportCsv() {
    setExportMessage('Preparing the CSV file…');
    try {
      const file = await api.contacts.exportCsv.mutate(input);
      const url = URL.createObjectURL(new Blob([file.csv], { type: file.contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExportMessage(`Exported ${file.count} contact${file.count === 1 ? '' : 's'} to ${file.filename}.`);
    } catch (error) {
      setExportMessage(`Export failed: ${errorMessage(error)}`);
    }
  }

  return (
    <>
      <h1>Media contacts</h1>
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
            {outlets.status === 'ready' &&
              outlets.data.map((outlet: Outlet) => (
                <option key={outlet.id} value={outlet.id}>
                  {outlet.name} ({outlet.contactCount})
                </option>
              ))}
          </select>
          {outlets.status === 'error' && <span className="field-error">Could not load outlets: {outlets.message}</span>}
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
      <div className="contact-toolbar">
        <p role="status" className="contact-count">
          {typing || state.status === 'loading' ? 'Searching…' : state.status === 'error' ? '' : countText(state.contacts.length, state.nextCursor !== null, filtering)}
        </p>
        <button type="button" className="secondary" onClick={exportCsv} disabled={state.status !== 'ready' || state.contacts.length === 0}>
          Export CSV
        </button>
      </div>
      {exportMessage && <p role="status">{exportMessage}</p>}
      <h2 id={listHeading} className="visually-hidden">Contacts</h2>
      {state.status === 'loading' && <p>Loading contacts…</p>}
      {state.status === 'error' && (
        <div role="alert" className="form-error">
          <p>Could not load contacts: {state.message}</p>
          <button type="button" onClick={() => setRetry((value) => value + 1)}>Try again</button>
        </div>
      )}
      {state.status === 'ready' &&
        (state.contacts.length === 0 ? (
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
              {state.contacts.map((contact) => (
                <ContactRow key={contact.id} contact={contact} />
              ))}
            </ul>
            {state.nextCursor && (
              <button type="button" onClick={showMore} disabled={state.more === 'loading'}>
                {state.more === 'loading' ? 'Loading more…' : 'Show more'}
              </button>
            )}
            {typeof state.more === 'object' && <p role="alert" className="form-error">Could not load more contacts: {state.more.error}</p>}
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
        <a href={`${LIST_PATH}/${encodeURIComponent(contact.id)}`} onClick={onLinkClick}>{contact.name}</a>
        {contact.doNotContact && <span className="badge badge-warning">Do not contact</span>}
        {contact.archivedAt && <span className="badge">Archived</span>}
      </div>
      <div className="contact-work">
        {contact.outlet?.name ?? <span className="meta">No outlet</span>}
        {contact.role && <span className="meta"> · {contact.role}</span>}
      </div>
      <div className="contact-reach meta">
        {[contact.languages.map(languageName).join(', '), contact.country, contact.timeZone && zoneCity(contact.timeZone)].filter(Boolean).join(' · ')}
      </div>
      <div className="contact-email">{contact.emails[0] ?? <span className="meta">No email</span>}</div>
    </li>
  );
}

type PhoneFormatter = (e164: string) => string;
let loadedPhoneFormatter: PhoneFormatter | null = null;

/**
 * Formats E.164 numbers for reading ("+41780000000" → "+41 78 000 00 00").
 * libphonenumber's metadata is loaded only when a contact card is opened, so
 * the public pages (same bundle) do not pay for it; until it arrives, and for
 * a number it cannot read, the number shows as stored.
 */
function usePhoneFormatter(): PhoneFormatter {
  const [formatter, setFormatter] = useState<PhoneFormatter>(() => loadedPhoneFormatter ?? ((e164: string) => e164));
  useEffect(() => {
    if (loadedPhoneFormatter) return;
    let current = true;
    import('libphonenumber-js/min').then(
      ({ parsePhoneNumberFromString }) => {
        loadedPhoneFormatter = (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
        if (current) setFormatter(() => loadedPhoneFormatter!);
      },
      () => {
        // Offline or a failed chunk: the stored E.164 form is still correct.
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return formatter;
}

const lawfulBasisNames: Record<string, string> = { consent: 'Consent', legitimate_interest: 'Legitimate interest', contract: 'Contract' };
const channelNames: Record<string, string> = { email: 'Email', phone: 'Phone', whatsapp: 'WhatsApp' };
const requestStatusNames: Record<string, string> = { pending: 'pending', proposed: 'other times proposed', approved: 'approved', declined: 'declined', cancelled: 'cancelled', expired: 'expired' };
const interviewOutcomes: Record<string, string> = { confirmed: 'Confirmed', rescheduled: 'Rescheduled', cancelled: 'Cancelled', completed: 'Completed', no_show: 'No-show' };
const duplicateReasons: Record<string, string> = { same_phone: 'same phone number', same_name_at_outlet: 'same name at the same outlet' };
const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : undefined;
const countryName = (code: string) => {
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
};

/** Ticks once a minute, for "local time now" displays. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function ContactDetailPage({ id }: { id: string }) {
  const [retry, setRetry] = useState(0);
  const details = useQuery(() => api.contacts.get.query({ id }), [id, retry]);
  return (
    <>
      <p className="contact-back">
        <a href={lastListUrl} onClick={onLinkClick}>← All media contacts</a>
      </p>
      {details.status === 'error' ? (
        <div role="alert" className="form-error">
          <h1>Contact not available</h1>
          <p>Could not load this contact: {details.message}</p>
          <button type="button" onClick={() => setRetry((value) => value + 1)}>Try again</button>
        </div>
      ) : (
        <Loaded state={details} label="the contact">
          {(data) => <ContactDetail data={data} />}
        </Loaded>
      )}
    </>
  );
}

function ContactDetail({ data }: { data: ContactDetails }) {
  const { contact } = data;
  const viewerZone = browserTimeZone();
  const now = useNow();
  const formatPhone = usePhoneFormatter();
  const currentOutlets = data.affiliations.filter((affiliation) => affiliation.endedAt === null);
  const pastOutlets = data.affiliations.filter((affiliation) => affiliation.endedAt !== null);
  return (
    <article className="contact-detail">
      <h1>{contact.name}</h1>
      {contact.doNotContact && <p className="notice notice-warning">Do not contact: this person asked not to be contacted.</p>}
      {contact.archivedAt && <p className="notice">Archived on {formatHistoryTime(contact.archivedAt, viewerZone)}.</p>}
      <div className="contact-columns">
        <section className="card" aria-labelledby="contact-work-heading">
          <h2 id="contact-work-heading">Work</h2>
          <dl className="contact-facts">
            <dt>Outlet</dt>
            <dd>
              {contact.outlet ? contact.outlet.name : <span className="meta">None on record</span>}
              {contact.outlet && currentOutlets.length === 0 && contact.role && <> · {contact.role}</>}
            </dd>
            {(currentOutlets.length > 0 || pastOutlets.length > 0) && (
              <>
                <dt>Outlets over time</dt>
                <dd>
                  <ul className="plain-list">
                    {data.affiliations.map((affiliation) => (
                      <li key={`${affiliation.outlet.id}-${affiliation.startedAt}`}>
                        {affiliation.outlet.name}
                        {affiliation.role && <>, {affiliation.role}</>}{' '}
                        <span className="meta">
                          ({formatDay(affiliation.startedAt, viewerZone)} – {affiliation.endedAt ? formatDay(affiliation.endedAt, viewerZone) : 'now'})
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {requestOutlets(data.timeline).length > 0 && (
              <>
                <dt>Outlets named in requests</dt>
                <dd>
                  <ul className="plain-list">
                    {requestOutlets(data.timeline).map((outlet) => (
                      <li key={outlet.name}>
                        {outlet.name}{' '}
                        <span className="meta">
                          ({formatDay(outlet.first, viewerZone)}
                          {formatDay(outlet.last, viewerZone) !== formatDay(outlet.first, viewerZone) && <> – {formatDay(outlet.last, viewerZone)}</>})
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>Role and beat</dt>
            <dd>{contact.role ?? <span className="meta">Not recorded</span>}</dd>
            <dt>Languages</dt>
            <dd>{contact.languages.length > 0 ? contact.languages.map((tag) => `${languageName(tag)} (${tag})`).join(', ') : <span className="meta">Not recorded</span>}</dd>
            <dt>Country</dt>
            <dd>{contact.country ? `${countryName(contact.country)} (${contact.country})` : <span className="meta">Not recorded</span>}</dd>
            <dt>Time zone</dt>
            <dd>
              {contact.timeZone ? (
                <>
                  {contact.timeZone} · <span className="label">now</span> {formatLocalTimeNow(contact.timeZone, now)} in {zoneCity(contact.timeZone)}
                </>
              ) : (
                <span className="meta">Not recorded</span>
              )}
            </dd>
            <dt>Tags</dt>
            <dd>{contact.tags.length > 0 ? <ul className="tags">{contact.tags.map((tag) => <li key={tag}>{tag}</li>)}</ul> : <span className="meta">None</span>}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="contact-reach-heading">
          <h2 id="contact-reach-heading">Reaching them</h2>
          <dl className="contact-facts">
            <dt>Email</dt>
            <dd>
              {contact.emails.length > 0 ? (
                <ul className="plain-list">
                  {contact.emails.map((email, index) => (
                    <li key={email}>
                      <a href={`mailto:${email}`}>{email}</a>
                      {index === 0 && contact.emails.length > 1 && <span className="meta"> (primary)</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="meta">None</span>
              )}
            </dd>
            <dt>Phone</dt>
            <dd>
              {contact.phones.length > 0 ? (
                <ul className="plain-list">
                  {contact.phones.map((phone) => (
                    <li key={phone.e164}>
                      <a href={`tel:${phone.e164}`}>{formatPhone(phone.e164)}</a> <span className="meta">({phone.kind})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="meta">None</span>
              )}
            </dd>
            <dt>WhatsApp</dt>
            <dd>
              {contact.whatsapp ? (
                <a href={`https://wa.me/${contact.whatsapp.replace(/^\+/, '')}`} rel="noreferrer noopener" target="_blank">
                  {formatPhone(contact.whatsapp)}
                  <span className="visually-hidden"> (opens WhatsApp)</span>
                </a>
              ) : (
                <span className="meta">None</span>
              )}
            </dd>
            <dt>Preferred channel</dt>
            <dd>{contact.preferredChannel ? channelNames[contact.preferredChannel] ?? contact.preferredChannel : <span className="meta">Not stated</span>}</dd>
            <dt>Lawful basis</dt>
            <dd>
              {contact.lawfulBasis ? lawfulBasisNames[contact.lawfulBasis] ?? contact.lawfulBasis : <span className="meta">Not recorded</span>}
              {contact.lawfulBasisAt && <span className="meta"> since {formatDay(contact.lawfulBasisAt, viewerZone)}</span>}
            </dd>
            <dt>Source</dt>
            <dd>{contact.source ?? <span className="meta">Not recorded</span>}</dd>
          </dl>
        </section>
      </div>
      {contact.notes && (
        <section className="card" aria-labelledby="contact-notes-heading">
          <h2 id="contact-notes-heading">Notes</h2>
          <p className="contact-notes">{contact.notes}</p>
        </section>
      )}
      <section className="card" aria-labelledby="contact-duplicates-heading">
        <h2 id="contact-duplicates-heading">Likely duplicates</h2>
        {data.likelyDuplicates.length === 0 ? (
          <p className="meta">None found.</p>
        ) : (
          <ul className="plain-list">
            {data.likelyDuplicates.map((duplicate) => (
              <li key={`${duplicate.reason}-${duplicate.contact.id}`}>
                <a href={`${LIST_PATH}/${encodeURIComponent(duplicate.contact.id)}`} onClick={onLinkClick}>{duplicate.contact.name}</a>
                {duplicate.contact.outlet && <>, {duplicate.contact.outlet.name}</>}
                {duplicate.contact.emails[0] && <>, {duplicate.contact.emails[0]}</>} <span className="meta">({duplicateReasons[duplicate.reason] ?? duplicate.reason})</span>
              </li>
            ))}
          </ul>
        )}
        {data.mergedRecords.length > 0 && (
          <>
            <h3>Merged into this contact</h3>
            <ul className="plain-list">
              {data.mergedRecords.map((record) => (
                <li key={record.id}>
                  {record.name}
                  {record.email && <>, {record.email}</>} <span className="meta">(merged {formatHistoryTime(record.mergedAt, viewerZone)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="contact-history-heading">
        <h2 id="contact-history-heading">History</h2>
        <p className="meta">
          Newest first. Times in {zoneCity(viewerZone)} time ({viewerZone}).
        </p>
        <p>
          <span className="label">Last contact:</span>{' '}
          {data.lastContactAt ? <time dateTime={data.lastContactAt}>{formatHistoryTime(data.lastContactAt, viewerZone)}</time> : 'never'}
        </p>
        {data.timeline.length === 0 ? (
          <p>No requests or interviews yet.</p>
        ) : (
          <ol className="timeline" aria-label="History, newest first">
            {data.timeline.map((entry) => (
              <li key={`${entry.kind}-${entry.requestId}`} className={`timeline-entry timeline-${entry.kind}`}>
                <time dateTime={entry.at}>{formatHistoryTime(entry.at, viewerZone)}</time>
                <TimelineText entry={entry} timeZone={viewerZone} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** The outlets a reporter wrote for in their requests, newest first, with the first and last request for each. */
function requestOutlets(timeline: TimelineEntry[]): { name: string; first: string; last: string }[] {
  const byName = new Map<string, { name: string; first: string; last: string }>();
  for (const entry of timeline) {
    if (entry.kind !== 'request') continue;
    const known = byName.get(entry.outlet);
    // The timeline is newest first: the first entry seen is the latest request.
    if (known) known.first = entry.at;
    else byName.set(entry.outlet, { name: entry.outlet, first: entry.at, last: entry.at });
  }
  return [...byName.values()];
}

/** Date (with the year: a history spans years), time and zone name of an instant, e.g. "Tue, 1 Dec 2026, 16:41 GMT-8". */
function formatHistoryTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** A date (no time) in the viewer's zone, e.g. "31 Oct 2020". */
function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

function TimelineText({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  switch (entry.kind) {
    case 'request':
      return (
        <p>
          <span className="label">Requested an interview</span> ({entry.reference}): “{entry.topic}”, {formatNameInSentence(entry.format)}, for {entry.outlet}.{' '}
          <span className="meta">Now {requestStatusNames[entry.status] ?? entry.status}.</span>
        </p>
      );
    case 'request_cancelled':
      return (
        <p>
          <span className="label">Request cancelled</span> ({entry.reference}) {entry.cancelledBy === 'reporter' ? 'by the reporter' : entry.cancelledBy === 'desk' ? 'by the press office' : '(by whom not recorded)'}.
          {entry.reason && <> Reason: {entry.reason}</>}
        </p>
      );
    case 'request_declined':
      return (
        <p>
          <span className="label">Request declined</span> ({entry.reference}).{entry.reason && <> Reason: {entry.reason}</>}
        </p>
      );
    case 'request_expired':
      return (
        <p>
          <span className="label">Request expired</span> ({entry.reference}): the deadline passed unanswered.
        </p>
      );
    case 'interview':
      return (
        <p>
          <span className="label">Interview with {entry.spokespersonName}</span> ({entry.reference}), {formatTime(entry.start, timeZone)}–{formatTime(entry.end, timeZone)}.{' '}
          <span className="outcome">Outcome: {interviewOutcomes[entry.status] ?? entry.status}.</span>
        </p>
      );
  }
}

import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { useLocation } from '../../router';
import { browserTimeZone, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import { openStatuses, requestStatuses, statusLabels, type RequestStatus } from './queue-format';
import { RequestCard } from './request-card';
import { useDeskAct } from './use-desk-act';
import { headingIdOf } from './queue-types';
import { useNow } from './use-now';
import './queue.css';

/** Rows per page; "Show more" adds as many, up to the server's limit. */
const PAGE_SIZE = 50;
const MAX_ROWS = 200;
/** Two press officers work one queue: each sees the other's actions within this long (and at once on focus). */
export const QUEUE_REFRESH_MS = 15_000;

function statusesFromSearch(search: string): RequestStatus[] {
  const wanted = new URLSearchParams(search).get('status')?.split(',') ?? [];
  const valid = requestStatuses.filter((status) => wanted.includes(status));
  return valid.length > 0 ? valid : openStatuses;
}

function sameStatuses(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((status) => b.includes(status));
}

/**
 * The queue: requests by deadline with the time left, filtered by status, each
 * with its conflicts, details and the desk's actions (approve after a confirm
 * step, decline, propose other times, reassign). `?request=<id>` opens one
 * request's details; `?status=pending,declined` picks the statuses.
 */
export function QueuePage(_props: { user: StaffUser }) {
  const trpc = useTRPC();
  const timeZone = browserTimeZone();
  const location = useLocation();
  const [statuses, setStatuses] = useState<RequestStatus[]>(() => statusesFromSearch(location.search));
  const [expandedId, setExpandedId] = useState<string | null>(() => new URLSearchParams(location.search).get('request'));
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const focusAfterLoad = useRef<string[] | null>(null);
  const linkedFocusDone = useRef(false);
  const now = useNow(30_000);
  const filterKey = statuses.join(',');
  const spokespeople = useQuery(trpc.spokespeople.list.queryOptions());
  // While the list reloads (after an action, another officer's change, more rows), the
  // previous answer stays on screen, marked busy: focus and scroll position survive.
  const queue = useQuery(trpc.desk.requests.list.queryOptions({ status: statuses, limit }, { enabled: statuses.length > 0, placeholderData: keepPreviousData, refetchInterval: QUEUE_REFRESH_MS, refetchOnWindowFocus: true }));
  const shown = statuses.length > 0 ? queue.data : [];

  // Links follow the page's state without adding history entries.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (sameStatuses(statuses, openStatuses)) params.delete('status');
    else params.set('status', statuses.join(','));
    if (expandedId) params.set('request', expandedId);
    else params.delete('request');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  }, [filterKey, expandedId]);

  // Back/forward or a console link to /desk: take the state from the address.
  useEffect(() => {
    setStatuses((current) => {
      const next = statusesFromSearch(location.search);
      return sameStatuses(current, next) ? current : next;
    });
    setExpandedId(new URLSearchParams(location.search).get('request'));
  }, [location.search]);

  useEffect(() => {
    if (!queue.data || queue.isPlaceholderData) return;
    if (focusAfterLoad.current) {
      const candidates = focusAfterLoad.current;
      focusAfterLoad.current = null;
      const target = candidates.map((id) => document.getElementById(headingIdOf(id))).find((element) => element !== null) ?? statusRef.current;
      target?.focus();
    } else if (!linkedFocusDone.current && expandedId) {
      // Opened from a link to one request: bring it into view.
      linkedFocusDone.current = true;
      document.getElementById(headingIdOf(expandedId))?.focus();
    }
  }, [queue.data, queue.isPlaceholderData, expandedId]);

  const act = useDeskAct((request, text) => {
    // The request may leave the list (approved, declined): then the next one down takes focus.
    const list = shown ?? [];
    const index = list.findIndex((entry) => entry.id === request.id);
    focusAfterLoad.current = [request.id, list[index + 1]?.id, list[index - 1]?.id].filter((id): id is string => Boolean(id));
    setMessage(text);
  });

  const toggleStatus = (status: RequestStatus, on: boolean) => {
    setLimit(PAGE_SIZE);
    setStatuses((current) => requestStatuses.filter((entry) => (entry === status ? on : current.includes(entry))));
  };
  const onlyOpen = sameStatuses(statuses, openStatuses);
  const listLabel = onlyOpen ? 'Open requests, soonest deadline first' : `Requests: ${statuses.map((status) => statusLabels[status].split(' ')[0]!.toLowerCase()).join(', ')}; soonest deadline first`;
  const spokespeopleList = spokespeople.data ?? [];

  return (
    <>
      <h1>Request queue</h1>
      <p>
        Times in {zoneCity(timeZone)} time ({timeZone}), with the spokesperson’s local time beside them. The queue refreshes every {QUEUE_REFRESH_MS / 1000} seconds and when you come back to this window.
      </p>
      <fieldset className="queue-filter">
        <legend>Show requests that are</legend>
        {requestStatuses.map((status) => (
          <label key={status} className="queue-check">
            <input type="checkbox" checked={statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} /> {statusLabels[status]}
          </label>
        ))}
        {!onlyOpen && (
          <button type="button" className="secondary" onClick={() => { setLimit(PAGE_SIZE); setStatuses(openStatuses); }}>
            Open requests only
          </button>
        )}
      </fieldset>
      <div role="status" className="queue-announcement" ref={statusRef} tabIndex={-1}>
        {message && <p>{message}</p>}
      </div>
      {statuses.length === 0 ? (
        <p>Choose at least one status to see requests.</p>
      ) : shown ? (
        shown.length === 0 ? (
          <p>{onlyOpen ? 'No open requests.' : 'No requests with these statuses.'}</p>
        ) : (
          <>
            <p className="meta">
              {shown.length} request{shown.length === 1 ? '' : 's'}, soonest deadline first.
            </p>
            {expandedId && !shown.some((request) => request.id === expandedId) && (
              <p className="notice">
                The request in this link is not among the statuses shown.{' '}
                <button type="button" className="secondary" onClick={() => setStatuses([...requestStatuses])}>Show all statuses</button>
              </p>
            )}
            <ol className="queue" aria-label={listLabel} aria-busy={queue.isPlaceholderData ? true : undefined}>
              {shown.map((request) => (
                <RequestCard
                  key={request.id}
                  request={request}
                  timeZone={timeZone}
                  now={now}
                  spokespeople={spokespeopleList}
                  expanded={expandedId === request.id}
                  onToggleDetails={() => setExpandedId((current) => (current === request.id ? null : request.id))}
                  act={act}
                />
              ))}
            </ol>
            {shown.length === limit && limit < MAX_ROWS && (
              <button type="button" className="secondary" onClick={() => setLimit((value) => Math.min(MAX_ROWS, value + PAGE_SIZE))}>
                Show more requests
              </button>
            )}
            {shown.length === MAX_ROWS && <p className="meta">Showing the first {MAX_ROWS}: narrow the statuses to see others.</p>}
          </>
        )
      ) : (
        <QueryResult query={queue} label="the queue">{() => null}</QueryResult>
      )}
    </>
  );
}

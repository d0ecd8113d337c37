import { useEffect, useId, useRef, useState } from 'react';
import { api, errorMessage } from '../../api/trpc';
import { useQuery } from '../../api/use-query';
import { Loaded } from '../../components/query-state';
import { useLocation } from '../../router';
import { browserTimeZone, formatDateTime, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import { describeStatus, describeTimeLeft, formatRange, inBothZones, openStatuses, requestStatuses, statusLabels, type RequestStatus } from './queue-format';
import { DeclineForm, ProposeForm, ReassignForm } from './queue-actions';
import { RequestDetail } from './request-detail';
import { formatName, languageName } from '../../components/interview-options';
import './queue.css';

export type QueueRequest = Awaited<ReturnType<typeof api.desk.requests.list.query>>[number];
export type PublicSpokesperson = Awaited<ReturnType<typeof api.spokespeople.list.query>>[number];
/** Runs one desk action on a request: announces it, refreshes the list, moves focus. Resolves to the failure, if any. */
export type Act = (request: QueueRequest, label: string, action: () => Promise<QueueRequest>, describe: (result: QueueRequest) => string) => Promise<{ error: unknown } | null>;

/** Rows per page; "Show more" adds as many, up to the server's limit. */
const PAGE_SIZE = 50;
const MAX_ROWS = 200;

export const headingIdOf = (requestId: string) => `request-${requestId}-heading`;

function statusesFromSearch(search: string): RequestStatus[] {
  const wanted = new URLSearchParams(search).get('status')?.split(',') ?? [];
  const valid = requestStatuses.filter((status) => wanted.includes(status));
  return valid.length > 0 ? valid : openStatuses;
}

function sameStatuses(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((status) => b.includes(status));
}

/** Re-renders every interval, so "time left" stays true while the page is open. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The queue: requests by deadline with the time left, filtered by status, each
 * with its conflicts, details and the desk's actions (approve, decline,
 * propose other times, reassign). `?request=<id>` opens one request's details;
 * `?status=pending,declined` picks the statuses.
 */
export function QueuePage(_props: { user: StaffUser }) {
  const timeZone = browserTimeZone();
  const location = useLocation();
  const [statuses, setStatuses] = useState<RequestStatus[]>(() => statusesFromSearch(location.search));
  const [expandedId, setExpandedId] = useState<string | null>(() => new URLSearchParams(location.search).get('request'));
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const focusAfterLoad = useRef<string[] | null>(null);
  const linkedFocusDone = useRef(false);
  const now = useNow(30_000);
  const filterKey = statuses.join(',');
  const spokespeople = useQuery(() => api.spokespeople.list.query(), []);
  const queue = useQuery(() => (statuses.length > 0 ? api.desk.requests.list.query({ status: statuses, limit }) : Promise.resolve([])), [filterKey, limit, version]);

  // While the list reloads after an action, keep showing the previous answer
  // (marked busy) rather than a loading line: focus and scroll position survive.
  const lastReady = useRef<{ key: string; data: QueueRequest[] } | null>(null);
  if (queue.status === 'ready') lastReady.current = { key: filterKey, data: queue.data };
  const stale = queue.status === 'loading' && lastReady.current?.key === filterKey ? lastReady.current.data : null;
  const shown = queue.status === 'ready' ? queue.data : stale;

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
    if (queue.status !== 'ready') return;
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
  }, [queue, expandedId]);

  const act: Act = async (request, label, action, describe) => {
    try {
      const result = await action();
      // The request may leave the list (approved, declined): then the next one down takes focus.
      const list = shown ?? [];
      const index = list.findIndex((entry) => entry.id === request.id);
      focusAfterLoad.current = [request.id, list[index + 1]?.id, list[index - 1]?.id].filter((id): id is string => Boolean(id));
      setMessage(`${label}: done. ${describe(result)}`.trim());
      setVersion((value) => value + 1);
      return null;
    } catch (error) {
      return { error };
    }
  };

  const toggleStatus = (status: RequestStatus, on: boolean) => {
    setLimit(PAGE_SIZE);
    setStatuses((current) => requestStatuses.filter((entry) => (entry === status ? on : current.includes(entry))));
  };
  const onlyOpen = sameStatuses(statuses, openStatuses);
  const listLabel = onlyOpen ? 'Open requests, soonest deadline first' : `Requests: ${statuses.map((status) => statusLabels[status].split(' ')[0]!.toLowerCase()).join(', ')}; soonest deadline first`;
  const spokespeopleList = spokespeople.status === 'ready' ? spokespeople.data : [];

  return (
    <>
      <h1>Request queue</h1>
      <p>
        Times in {zoneCity(timeZone)} time ({timeZone}), with the spokesperson’s local time beside them.
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
            <ol className="queue" aria-label={listLabel} aria-busy={stale ? true : undefined}>
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
        <Loaded state={queue} label="the queue">{() => null}</Loaded>
      )}
    </>
  );
}

type Panel = 'decline' | 'propose' | 'reassign';

function RequestCard({ request, timeZone, now, spokespeople, expanded, onToggleDetails, act }: { request: QueueRequest; timeZone: string; now: number; spokespeople: PublicSpokesperson[]; expanded: boolean; onToggleDetails: () => void; act: Act }) {
  const id = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The spokesperson's own calendar shows them busy then: the desk may book anyway (audited) after checking with them.
  const [calendarConflict, setCalendarConflict] = useState(false);
  const [chosen, setChosen] = useState(0);
  const toggles = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const person = request.spokesperson;
  const left = describeTimeLeft(request.deadline.utc, now);
  const reporterProposals = request.proposals.filter((proposal) => proposal.by === 'reporter');
  const deskProposals = request.proposals.filter((proposal) => proposal.by === 'desk');
  // What Approve books: the requested slot, else the reporter's proposal chosen below (the first by default).
  const candidates = request.requested ? [request.requested.start.utc] : reporterProposals.map((proposal) => proposal.start.utc);
  const isOpen = request.status === 'pending' || request.status === 'proposed';
  const personOf = (spokespersonId: string) => spokespeople.find((entry) => entry.id === spokespersonId) ?? (person?.id === spokespersonId ? person : null);

  async function approve(overrideCalendar = false) {
    setBusy(true);
    setError(null);
    setCalendarConflict(false);
    const failure = await act(request, `Approve ${request.reference}`, () => api.desk.requests.approve.mutate({ requestId: request.id, start: candidates[chosen], ...(overrideCalendar ? { overrideCalendar } : {}) }), (result) =>
      result.interview ? `Interview booked for ${inBothZones(result.interview.start.utc, timeZone, result.spokesperson)}.` : '',
    );
    setBusy(false);
    if (failure) {
      setError(errorMessage(failure.error));
      setCalendarConflict((failure.error as { data?: { appCode?: string } }).data?.appCode === 'EXTERNAL_CONFLICT');
    }
  }

  const togglePanel = (next: Panel) => {
    setError(null);
    setPanel((current) => (current === next ? null : next));
  };
  const closePanel = () => {
    const was = panel;
    setPanel(null);
    if (was) toggles.current[was]?.focus();
  };

  return (
    <li className={`card queue-item queue-${left.urgency}`} aria-labelledby={headingIdOf(request.id)}>
      <h2 id={headingIdOf(request.id)} tabIndex={-1}>
        {request.reference}: {request.reporter.name}, {request.reporter.outlet}
      </h2>
      <p className={`queue-deadline queue-deadline-${left.urgency}`}>
        <span className="label">Deadline:</span> {formatDateTime(request.deadline.utc, timeZone)} · <strong>{left.text}</strong>
      </p>
      <p>
        <span className="label">With:</span> {person?.name ?? 'no one yet (any spokesperson for the topic)'} · <span className="label">Topic:</span> {request.topic} · {formatName(request.format)}, {languageName(request.language)}, {request.durationMinutes} minutes
      </p>
      <p>
        <span className="label">Status:</span> {describeStatus(request.status, request.cancelledBy)}
        {request.statusReason && <> · <span className="label">Reason:</span> {request.statusReason}</>}
      </p>
      {request.interview && request.interview.status !== 'cancelled' && (
        <p>
          <span className="label">Interview:</span> {inBothZones(request.interview.start.utc, timeZone, person)}
        </p>
      )}
      {!request.interview && request.requested && (
        <p>
          <span className="label">Requested:</span> {inBothZones(request.requested.start.utc, timeZone, person)}
        </p>
      )}
      {!request.interview && !request.requested && reporterProposals.length > 0 && (request.status !== 'pending' || reporterProposals.length === 1) && (
        <div>
          <p className="label">Times the reporter proposed:</p>
          <ul className="list">
            {reporterProposals.map((proposal) => (
              <li key={proposal.index}>{inBothZones(proposal.start.utc, timeZone, person)}</li>
            ))}
          </ul>
        </div>
      )}
      {request.status === 'pending' && reporterProposals.length > 1 && !request.requested && (
        <fieldset className="queue-choice">
          <legend>
            Time to book<span className="visually-hidden"> for {request.reference}</span> (the reporter proposed {reporterProposals.length})
          </legend>
          {reporterProposals.map((proposal, index) => (
            <label key={proposal.index} className="radio">
              <input type="radio" name={`${id}-choice`} checked={chosen === index} onChange={() => setChosen(index)} /> {inBothZones(proposal.start.utc, timeZone, person)}
            </label>
          ))}
        </fieldset>
      )}
      {request.status === 'proposed' && deskProposals.length > 0 && (
        <div>
          <p className="label">Times offered to the reporter:</p>
          <ul className="list">
            {deskProposals.map((proposal) => (
              <li key={proposal.index}>
                {inBothZones(proposal.start.utc, timeZone, personOf(proposal.spokespersonId))}
                {proposal.spokespersonName && proposal.spokespersonId !== person?.id ? ` (with ${proposal.spokespersonName})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {request.conflicts.length > 0 && (
        <div className="queue-conflicts">
          <p>
            <strong>Conflict:</strong> the requested time overlaps (buffers included)
          </p>
          <ul>
            {request.conflicts.map((conflict) => (
              <li key={`${conflict.kind}-${conflict.id}`}>
                {conflict.kind === 'interview' ? 'the booked interview' : 'the time held for pending request'} {conflict.reference} ({conflict.reporterName}, {conflict.reporterOutlet}), {formatRange(conflict.start, conflict.end, timeZone)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        {isOpen && (
          <>
            {request.status === 'pending' && person && candidates.length > 0 && (
              <button type="button" onClick={() => approve()} disabled={busy}>
                Approve<span className="visually-hidden"> {request.reference}</span>
              </button>
            )}{' '}
            <button type="button" className="secondary" aria-expanded={panel === 'decline'} aria-controls={panel === 'decline' ? `${id}-panel` : undefined} ref={(element) => { toggles.current.decline = element; }} onClick={() => togglePanel('decline')}>
              Decline<span className="visually-hidden"> {request.reference}</span>
            </button>{' '}
            <button type="button" className="secondary" aria-expanded={panel === 'propose'} aria-controls={panel === 'propose' ? `${id}-panel` : undefined} ref={(element) => { toggles.current.propose = element; }} onClick={() => togglePanel('propose')}>
              Propose other times<span className="visually-hidden"> for {request.reference}</span>
            </button>{' '}
            <button type="button" className="secondary" aria-expanded={panel === 'reassign'} aria-controls={panel === 'reassign' ? `${id}-panel` : undefined} ref={(element) => { toggles.current.reassign = element; }} onClick={() => togglePanel('reassign')}>
              Reassign<span className="visually-hidden"> {request.reference}</span>
            </button>{' '}
          </>
        )}
        <button type="button" className="secondary queue-details-toggle" aria-expanded={expanded} aria-controls={expanded ? `${id}-details` : undefined} onClick={onToggleDetails}>
          Details<span className="visually-hidden"> of {request.reference}</span>
        </button>
      </div>
      {isOpen && request.status === 'pending' && !person && <p className="meta">No spokesperson yet: reassign the request to one before approving.</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {calendarConflict && (
        <button type="button" className="secondary" disabled={busy} onClick={() => approve(true)}>
          Approve {request.reference} anyway (they will move the other event)
        </button>
      )}
      {isOpen && panel && (
        <div id={`${id}-panel`} className="queue-panel">
          {panel === 'decline' && <DeclineForm request={request} act={act} onClose={closePanel} />}
          {panel === 'propose' && <ProposeForm request={request} timeZone={timeZone} spokespeople={spokespeople} act={act} onClose={closePanel} />}
          {panel === 'reassign' && <ReassignForm request={request} timeZone={timeZone} spokespeople={spokespeople} act={act} onClose={closePanel} />}
        </div>
      )}
      {expanded && <RequestDetail id={`${id}-details`} request={request} timeZone={timeZone} now={now} personOf={personOf} />}
    </li>
  );
}

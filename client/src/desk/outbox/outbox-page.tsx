import { useEffect, useId, useState } from 'react';
import { api, errorMessage } from '../../api/trpc';
import { useQuery } from '../../api/use-query';
import { useLocation } from '../../router';
import { browserTimeZone, formatDateTime, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import './outbox.css';

type OutboxMessage = Awaited<ReturnType<typeof api.outbox.list.query>>[number];
type StatusFilter = '' | 'pending' | 'sent' | 'dead';

/** The server answers at most this many, newest first. */
const LIMIT = 200;

const statusFilters: { value: StatusFilter; label: string }[] = [
  { value: '', label: 'All messages' },
  { value: 'pending', label: 'Queued' },
  { value: 'sent', label: 'Sent' },
  { value: 'dead', label: 'Dead letters' },
];

const kindNames: Record<string, string> = {
  request_received: 'Request received (to reporter)',
  request_new: 'New request (to press office)',
  request_declined: 'Request declined',
  request_proposed: 'Other times proposed',
  request_cancelled: 'Request cancelled',
  request_expired: 'Request expired',
  proposal_picked: 'Proposed time picked',
  invite: 'Calendar invite',
  invite_cancel: 'Calendar cancellation',
  calendar_notice: 'Spokesperson calendar notice (to press office)',
};

function statusLabel(message: OutboxMessage): string {
  if (message.status === 'dead') return 'Dead letter';
  if (message.status === 'sent') return 'Sent';
  return message.attempts > 0 ? 'Queued, retrying' : 'Queued';
}

/**
 * The outbox: every email and invite the server queued, with what became of
 * it. Dead letters (gave up after repeated failures, or could never be
 * rendered) can be sent again.
 */
export function OutboxPage(_props: { user: StaffUser }) {
  const { search } = useLocation();
  const initial = new URLSearchParams(search);
  const [status, setStatus] = useState<StatusFilter>(() => (statusFilters.some((filter) => filter.value === initial.get('status')) ? (initial.get('status') as StatusFilter) : ''));
  const [recipient, setRecipient] = useState(() => initial.get('recipient') ?? '');
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const timeZone = browserTimeZone();
  // The server filters by address too (older messages past the newest LIMIT), asked
  // once typing pauses; the list below narrows at once as the staff member types.
  const [asked, setAsked] = useState(() => recipient.trim().toLowerCase());
  useEffect(() => {
    const timer = setTimeout(() => setAsked(recipient.trim().toLowerCase()), 300);
    return () => clearTimeout(timer);
  }, [recipient]);
  const messages = useQuery(() => api.outbox.list.query({ status: status || undefined, recipient: asked || undefined, limit: LIMIT }), [status, asked, version]);
  const tableCaption = useId();

  const needle = recipient.trim().toLowerCase();
  const shown = messages.status === 'ready' ? messages.data.filter((message) => !needle || message.recipient.includes(needle)) : [];
  const deadCount = shown.filter((message) => message.status === 'dead').length;

  function changeFilters(next: { status?: StatusFilter; recipient?: string }) {
    const params = new URLSearchParams();
    const nextStatus = next.status ?? status;
    const nextRecipient = next.recipient ?? recipient;
    if (nextStatus) params.set('status', nextStatus);
    if (nextRecipient.trim()) params.set('recipient', nextRecipient.trim());
    const query = params.toString();
    window.history.replaceState(null, '', `/desk/outbox${query ? `?${query}` : ''}`);
    if (next.status !== undefined) setStatus(next.status);
    if (next.recipient !== undefined) setRecipient(next.recipient);
  }

  async function retry(message: OutboxMessage) {
    setRetrying(message.id);
    setResult(null);
    try {
      await api.outbox.retry.mutate({ id: message.id });
      setResult(`Retry: the message “${message.subject}” to ${message.recipient} is queued and will be sent again now.`);
      setVersion((value) => value + 1);
    } catch (error) {
      setResult(`Retry of “${message.subject}” to ${message.recipient} failed: ${errorMessage(error)}`);
    } finally {
      setRetrying(null);
    }
  }

  return (
    <>
      <h1>Outbox</h1>
      <p className="lede">Emails and calendar invites the server sends, newest first. Times in {zoneCity(timeZone)} time ({timeZone}).</p>
      <form className="filters outbox-filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter messages">
        <div>
          <label htmlFor="outbox-status">Status</label>
          <select id="outbox-status" value={status} onChange={(event) => changeFilters({ status: event.target.value as StatusFilter })}>
            {statusFilters.map((filter) => (
              <option key={filter.value} value={filter.value}>{filter.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outbox-recipient">Recipient</label>
          <input id="outbox-recipient" type="search" value={recipient} onChange={(event) => changeFilters({ recipient: event.target.value })} autoComplete="off" />
        </div>
        <button type="button" className="secondary" onClick={() => setVersion((value) => value + 1)}>Refresh</button>
      </form>
      <p role="status" className="outbox-result">{result ?? ''}</p>
      {messages.status === 'loading' && <p role="status">Loading messages…</p>}
      {messages.status === 'error' && (
        <div role="alert" className="form-error">
          <p>Could not load messages: {messages.message}</p>
          <button type="button" onClick={() => setVersion((value) => value + 1)}>Try again</button>
        </div>
      )}
      {messages.status === 'ready' &&
        (shown.length === 0 ? (
          <div className="card outbox-empty">
            <p>{emptyText(status, needle)}</p>
          </div>
        ) : (
          <>
            <p className="meta">
              {shown.length} message{shown.length === 1 ? '' : 's'}
              {deadCount > 0 && <>, <strong className="outbox-dead-count">{deadCount} dead</strong></>}
              {messages.data.length === LIMIT && <> (the latest {LIMIT} only)</>}.
            </p>
            <div className="outbox-scroll" role="region" aria-labelledby={tableCaption} tabIndex={0}>
              <table className="outbox-table">
                <caption id={tableCaption} className="visually-hidden">Outbox messages, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Recipient and subject</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last error</th>
                    <th scope="col">Created</th>
                    <th scope="col">Sent or next attempt</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((message) => (
                    <tr key={message.id} className={`outbox-${message.status}`}>
                      <td>
                        <span className={`outbox-status outbox-status-${message.status}`}>{statusLabel(message)}</span>
                        {message.status === 'dead' && (
                          <button type="button" className="outbox-retry" onClick={() => retry(message)} disabled={retrying === message.id}>
                            {retrying === message.id ? 'Retrying…' : 'Retry'}
                            <span className="visually-hidden"> “{message.subject}” to {message.recipient}</span>
                          </button>
                        )}
                      </td>
                      <th scope="row" className="outbox-message">
                        <span className="outbox-recipient">{message.recipient}</span>
                        <span className="outbox-subject">{message.subject}</span>
                      </th>
                      <td>{kindNames[message.kind] ?? message.kind}</td>
                      <td className="outbox-number">{message.attempts}</td>
                      <td className="outbox-error">{message.lastError ?? <span className="meta">—</span>}</td>
                      <td>
                        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, timeZone)}</time>
                      </td>
                      <td>
                        {message.sentAt ? (
                          <>Sent <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, timeZone)}</time></>
                        ) : message.status === 'pending' ? (
                          <>Next <time dateTime={message.nextAttemptAt}>{formatDateTime(message.nextAttemptAt, timeZone)}</time></>
                        ) : (
                          <span className="meta">Not sent</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </>
  );
}

function emptyText(status: StatusFilter, recipient: string): string {
  const what = status === 'dead' ? 'No dead letters' : status === 'sent' ? 'No sent messages' : status === 'pending' ? 'Nothing queued' : 'No messages yet';
  return recipient ? `${what} for “${recipient}”.` : `${what}.`;
}

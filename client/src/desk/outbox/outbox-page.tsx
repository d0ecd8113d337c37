import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { useLocation } from '../../router';
import { browserTimeZone, zoneCity } from '../../time';
import type { OutboxMessage } from './outbox-format';
import { OutboxTable } from './outbox-table';
import './outbox.css';

type StatusFilter = '' | 'pending' | 'sent' | 'dead';

/** The server answers at most this many, newest first. */
const LIMIT = 200;

const statusFilters: { value: StatusFilter; label: string }[] = [
  { value: '', label: 'All messages' },
  { value: 'pending', label: 'Queued' },
  { value: 'sent', label: 'Sent or written' },
  { value: 'dead', label: 'Dead letters' },
];

/**
 * The outbox: every email and invite the server queued, with what became of
 * it. Each opens in full; dead letters (gave up after repeated failures, or
 * could never be rendered) can be sent again.
 */
/** How often the list is asked again while some message in it is still queued (the worker runs every 2 s). */
const PENDING_REFRESH_MS = 3_000;

export function OutboxPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { search } = useLocation();
  const initial = new URLSearchParams(search);
  const [status, setStatus] = useState<StatusFilter>(() => (statusFilters.some((filter) => filter.value === initial.get('status')) ? (initial.get('status') as StatusFilter) : ''));
  const [recipient, setRecipient] = useState(() => initial.get('recipient') ?? '');
  const [result, setResult] = useState<string | null>(null);
  const timeZone = browserTimeZone();
  // The server filters by address too (older messages past the newest LIMIT), asked
  // once typing pauses; the list below narrows at once as the staff member types.
  const [asked, setAsked] = useState(() => recipient.trim().toLowerCase());
  useEffect(() => {
    const timer = setTimeout(() => setAsked(recipient.trim().toLowerCase()), 300);
    return () => clearTimeout(timer);
  }, [recipient]);
  // While a listed message waits for the worker, the list re-asks on its own, so "Queued" turns into "Sent" without a click on Refresh.
  const messages = useQuery(
    trpc.outbox.list.queryOptions(
      { status: status || undefined, recipient: asked || undefined, limit: LIMIT },
      { placeholderData: keepPreviousData, refetchInterval: (query) => (query.state.data?.some((message) => message.status === 'pending') ? PENDING_REFRESH_MS : false) },
    ),
  );
  const delivery = useQuery(trpc.outbox.delivery.queryOptions(undefined, { staleTime: Infinity })).data?.delivery;
  const retry = useMutation(
    trpc.outbox.retry.mutationOptions({
      onMutate: () => setResult(null),
      onSuccess: (_data, _input, _context) => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }),
    }),
  );

  const needle = recipient.trim().toLowerCase();
  const shown = (messages.data ?? []).filter((message) => !needle || message.recipient.includes(needle));
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

  function retryMessage(message: OutboxMessage) {
    retry.mutate(
      { id: message.id },
      {
        onSuccess: () => setResult(`Retry: the message “${message.subject}” to ${message.recipient} is queued and will be sent again now.`),
        onError: (error) => setResult(`Retry of “${message.subject}” to ${message.recipient} failed: ${errorMessage(error)}`),
      },
    );
  }

  return (
    <>
      <h1>Outbox</h1>
      <p className="lede">
        Emails and calendar invites the server sends, newest first; open one to read it as its recipient will. Times in {zoneCity(timeZone)} time ({timeZone}).
        {delivery === 'file' && ' No mail server is set up (SMTP_URL): messages are written as .eml files under the data folder’s outbox/, not sent.'}
      </p>
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
        <button type="button" className="secondary" onClick={() => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() })}>Refresh</button>
      </form>
      <p role="status" className="outbox-result">{result ?? ''}</p>
      {messages.isPending && <p role="status">Loading messages…</p>}
      {messages.isError && (
        <div role="alert" className="form-error">
          <p>Could not load messages: {errorMessage(messages.error)}</p>
          <button type="button" onClick={() => messages.refetch()}>Try again</button>
        </div>
      )}
      {messages.data &&
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
            <OutboxTable messages={shown} delivery={delivery} timeZone={timeZone} retrying={retry.isPending ? (retry.variables?.id ?? null) : null} onRetry={retryMessage} />
          </>
        ))}
    </>
  );
}

function emptyText(status: StatusFilter, recipient: string): string {
  const what = status === 'dead' ? 'No dead letters' : status === 'sent' ? 'No sent messages' : status === 'pending' ? 'Nothing queued' : 'No messages yet';
  return recipient ? `${what} for “${recipient}”.` : `${what}.`;
}

// The outbox's rows: status (with Retry for dead letters), recipient and
// subject (a link to the message), kind, attempts, last error, times.
import { useId } from 'react';
import { onLinkClick } from '../../router';
import { formatDateTime } from '../../time';
import { doneVerb, kindNames, statusLabel, type OutboxDelivery, type OutboxMessage } from './outbox-format';

export function OutboxTable({ messages, delivery, timeZone, retrying, onRetry }: { messages: OutboxMessage[]; delivery: OutboxDelivery | undefined; timeZone: string; retrying: string | null; onRetry: (message: OutboxMessage) => void }) {
  const tableCaption = useId();
  return (
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
            <th scope="col">{doneVerb(delivery)} or next attempt</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} className={`outbox-${message.status}`}>
              <td>
                <span className={`outbox-status outbox-status-${message.status}`}>{statusLabel(message, delivery)}</span>
                {message.status === 'dead' && (
                  <button type="button" className="outbox-retry" onClick={() => onRetry(message)} disabled={retrying === message.id}>
                    {retrying === message.id ? 'Retrying…' : 'Retry'}
                    <span className="visually-hidden"> “{message.subject}” to {message.recipient}</span>
                  </button>
                )}
              </td>
              <th scope="row" className="outbox-message">
                <span className="outbox-recipient">{message.recipient}</span>
                <a className="outbox-subject" href={`/desk/outbox/${encodeURIComponent(message.id)}`} onClick={onLinkClick}>
                  {message.subject}
                </a>
              </th>
              <td>{kindNames[message.kind] ?? message.kind}</td>
              <td className="outbox-number">{message.attempts}</td>
              <td className="outbox-error">{message.lastError ?? <span className="meta">—</span>}</td>
              <td>
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, timeZone)}</time>
              </td>
              <td>
                {message.sentAt ? (
                  <>
                    {doneVerb(delivery)} <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, timeZone)}</time>
                  </>
                ) : message.status === 'pending' ? (
                  <>
                    Next <time dateTime={message.nextAttemptAt}>{formatDateTime(message.nextAttemptAt, timeZone)}</time>
                  </>
                ) : (
                  <span className="meta">Not sent</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// One endpoint's deliveries, newest first: event, status, attempts, the
// receiver's answer, and the next attempt; dead letters can be sent again.
import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { browserTimeZone, formatDateTime } from '../../time';
import type { WebhookDelivery } from './webhook-types';

const statusNames: Record<string, string> = { pending: 'Waiting', sent: 'Delivered', dead: 'Dead letter' };

export function DeliveryLog({ endpointId, label }: { endpointId: string; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caption = useId();
  const timeZone = browserTimeZone();
  const [result, setResult] = useState('');
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ endpointId, limit: 50 }, { refetchInterval: 5_000 }));
  const redeliver = useMutation(
    trpc.webhooks.redeliver.mutationOptions({
      onSuccess: async () => {
        setResult('Queued again; it goes out now.');
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
      },
      onError: (error) => setResult(`Could not send it again: ${errorMessage(error)}`),
    }),
  );
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time> : <span className="meta">—</span>);
  return (
    <section aria-labelledby={caption} className="webhook-log">
      <h3 id={caption}>Deliveries to {label}</h3>
      <p role="status">{result}</p>
      <QueryResult query={deliveries} label="the deliveries">
        {(rows: WebhookDelivery[]) =>
          rows.length === 0 ? (
            <p className="meta">Nothing sent yet.</p>
          ) : (
            <div className="outbox-scroll" role="region" aria-label={`Deliveries to ${label}`} tabIndex={0}>
              <table className="outbox-table">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Response</th>
                    <th scope="col">Created</th>
                    <th scope="col">Next attempt</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className={`outbox-${row.status}`}>
                      <th scope="row">
                        <code>{row.subject}</code>
                        <span className="meta webhook-id">{row.messageId}</span>
                      </th>
                      <td>
                        <span className={`outbox-status outbox-status-${row.status}`}>{statusNames[row.status] ?? row.status}</span>
                        {row.status === 'dead' && (
                          <button type="button" className="outbox-retry" disabled={redeliver.isPending} onClick={() => redeliver.mutate({ id: row.id })}>
                            Send again<span className="visually-hidden"> {row.subject} {row.messageId}</span>
                          </button>
                        )}
                      </td>
                      <td className="outbox-number">{row.attempts}</td>
                      <td className={row.status === 'sent' ? 'webhook-answer' : 'outbox-error'}>
                        {row.responseStatus !== null && <strong>HTTP {row.responseStatus}</strong>}
                        {row.responseExcerpt && <span className="webhook-excerpt">{row.responseExcerpt}</span>}
                        {row.lastError && <span className="webhook-excerpt">{row.lastError}</span>}
                        {row.responseStatus === null && !row.lastError && <span className="meta">—</span>}
                      </td>
                      <td>{when(row.createdAt)}</td>
                      <td>{row.status === 'pending' ? when(row.nextAttemptAt) : row.sentAt ? <>Delivered {when(row.sentAt)}</> : <span className="meta">Not sent</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryResult>
    </section>
  );
}

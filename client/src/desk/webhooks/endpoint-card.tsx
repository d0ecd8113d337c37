// One endpoint: where it points, what it receives, and its actions (enable or
// disable, send a test event, rotate the secret, delete, show the deliveries).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { WebhookEndpoint } from './webhook-types';

export function EndpointCard({ endpoint, selected, onSelect, onSecret }: { endpoint: WebhookEndpoint; selected: boolean; onSelect: () => void; onSecret: (secret: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState('');
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const fail = (error: unknown) => setResult(errorMessage(error));
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: async (saved) => { setResult(saved.enabled ? 'Enabled.' : 'Disabled: nothing is sent to it until it is enabled again.'); await refresh(); }, onError: fail }));
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions({ onSuccess: async () => { setResult('Test event queued; it shows in the deliveries below.'); onSelect(); await refresh(); }, onError: fail }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: (answer) => { setConfirm(null); onSecret(answer.secret); }, onError: fail }));
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSuccess: async () => { setConfirm(null); await refresh(); }, onError: fail }));
  const name = endpoint.description || endpoint.url;
  return (
    <li className="card webhook-endpoint">
      <h2 className="webhook-url">{endpoint.url}</h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="meta">
        {endpoint.enabled ? 'Enabled' : 'Disabled'} · {endpoint.events.length} event{endpoint.events.length === 1 ? '' : 's'}: {endpoint.events.join(', ')}
        {endpoint.pending > 0 && <> · {endpoint.pending} waiting</>}
        {endpoint.dead > 0 && <> · <strong className="outbox-dead-count">{endpoint.dead} dead</strong></>}
      </p>
      <div className="webhook-actions">
        <button type="button" className="secondary" aria-expanded={selected} onClick={onSelect}>Deliveries<span className="visually-hidden"> to {name}</span></button>
        <button type="button" className="secondary" disabled={!endpoint.enabled || test.isPending} onClick={() => test.mutate({ id: endpoint.id })}>Send test event<span className="visually-hidden"> to {name}</span></button>
        <button type="button" className="secondary" disabled={update.isPending} onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>{endpoint.enabled ? 'Disable' : 'Enable'}<span className="visually-hidden"> {name}</span></button>
        <button type="button" className="secondary" onClick={() => setConfirm('rotate')}>Rotate secret<span className="visually-hidden"> of {name}</span></button>
        <button type="button" className="danger" onClick={() => setConfirm('delete')}>Delete<span className="visually-hidden"> {name}</span></button>
      </div>
      <p role="status">{result}</p>
      <ConfirmDialog open={confirm === 'rotate'} title={`Rotate the secret of ${name}?`} confirmLabel="Rotate the secret" busy={rotate.isPending} error={rotate.error ? errorMessage(rotate.error) : null} onConfirm={() => rotate.mutate({ id: endpoint.id })} onCancel={() => setConfirm(null)}>
        <p>Every delivery from now on, retries included, is signed with the new secret; the receiver must switch to it.</p>
      </ConfirmDialog>
      <ConfirmDialog open={confirm === 'delete'} title={`Delete ${name}?`} confirmLabel="Delete the endpoint" danger busy={remove.isPending} error={remove.error ? errorMessage(remove.error) : null} onConfirm={() => remove.mutate({ id: endpoint.id })} onCancel={() => setConfirm(null)}>
        <p>Its delivery log goes with it, and deliveries still waiting are dropped.</p>
      </ConfirmDialog>
    </li>
  );
}

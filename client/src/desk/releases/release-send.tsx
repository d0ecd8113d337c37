// Distribution, first step: send the release (its preview while under
// embargo) to a filtered part of the media list, one email each with their
// own preview link; shows who would get it first, and who was sent it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { TextField } from '../../components/form-field';
import type { ManagedRelease } from './release-types';

export function ReleaseSend({ release }: { release: ManagedRelease }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState({ query: '', tag: '', language: '', country: '' });
  const clean = Object.fromEntries(Object.entries(filter).filter(([, value]) => value.trim() !== ''));
  const recipients = useQuery(trpc.releases.recipients.queryOptions({ filter: clean }));
  const [status, setStatus] = useState('');
  const send = useMutation(
    trpc.releases.send.mutationOptions({
      onSuccess: async (result) => {
        setStatus(`Queued ${result.sent} email${result.sent === 1 ? '' : 's'}${result.alreadySent ? `; ${result.alreadySent} already had it` : ''}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.releases.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() });
      },
    }),
  );
  const set = (key: keyof typeof filter) => (event: React.ChangeEvent<HTMLInputElement>) => setFilter({ ...filter, [key]: event.target.value });
  const list = recipients.data?.recipients ?? [];
  return (
    <section aria-labelledby="send-heading" className="card">
      <h2 id="send-heading">Send to the media list</h2>
      <p className="meta">Each contact gets one email with their own link{release.status === 'embargoed' ? ' to the release under embargo' : ''}. Contacts marked do not contact are never included.</p>
      <div className="release-links-row">
        <TextField label="Name, email or outlet" value={filter.query} onChange={set('query')} />
        <TextField label="Tag" value={filter.tag} onChange={set('tag')} />
        <TextField label="Language" value={filter.language} onChange={set('language')} />
        <TextField label="Country (two letters)" value={filter.country} onChange={set('country')} />
      </div>
      {recipients.isError ? (
        <p role="alert">{recipients.error.message}</p>
      ) : (
        <>
          <p>
            {list.length} contact{list.length === 1 ? '' : 's'} match{recipients.data?.skippedDoNotContact ? `; ${recipients.data.skippedDoNotContact} marked do not contact left out` : ''}.
          </p>
          <ul className="list" aria-label="Recipients">
            {list.slice(0, 20).map((contact) => (
              <li key={contact.id}>{contact.name} &lt;{contact.email}&gt;</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" disabled={list.length === 0 || send.isPending || release.status === 'draft'} onClick={() => send.mutate({ id: release.id, filter: clean })}>
        Send to {list.length} contact{list.length === 1 ? '' : 's'}
      </button>
      {send.isError && <p role="alert">{send.error.message}</p>}
      <p role="status">{status}</p>
      <h3>Sent to ({release.sendings.length})</h3>
      {release.sendings.length > 0 && (
        <ul className="list" aria-label="Sent to">
          {release.sendings.map((sending) => (
            <li key={sending.id}>
              {sending.name ?? 'erased contact'} &lt;{sending.email}&gt;
              {release.requests.some((request) => request.releaseSendingId === sending.id) && <> · <span className="status-tag">requested an interview</span></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

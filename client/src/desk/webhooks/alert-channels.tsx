// Desk alerts in the office's chat (Settings): a Slack and a Microsoft Teams
// incoming-webhook URL. The URL is the credential, so it is stored sealed and
// shown masked; it can be replaced, removed or sent a test alert.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { FormStatus, readFormProblem, TextField, type FormProblem } from '../../components/form-field';
import type { AlertChannel } from './webhook-types';
import './webhooks.css';

const names = { slack: 'Slack', teams: 'Microsoft Teams' } as const;

export function AlertChannels() {
  const trpc = useTRPC();
  const channels = useQuery(trpc.webhooks.alerts.queryOptions());
  return (
    <section className="alert-channels" aria-labelledby="alert-channels-title">
      <h2 id="alert-channels-title">Desk alerts in chat</h2>
      <p className="meta">New requests (with their deadline and a link), deadlines under two hours still unanswered, a reporter picking a proposed time, and deliveries that failed for good.</p>
      <QueryResult query={channels} label="the alert channels">
        {(list) => list.map((channel) => <ChannelForm key={channel.kind} channel={channel} />)}
      </QueryResult>
    </section>
  );
}

function ChannelForm({ channel }: { channel: AlertChannel }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.alerts.queryKey() });
  const save = useMutation(
    trpc.webhooks.setAlertChannel.mutationOptions({
      onSuccess: async (_list, input) => {
        setProblem(null);
        setUrl('');
        setStatus(input.url ? 'Saved.' : 'Removed.');
        await refresh();
      },
      onError: (error) => setProblem(readFormProblem(error)),
    }),
  );
  const test = useMutation(trpc.webhooks.testAlert.mutationOptions({ onSuccess: async () => { setStatus('Test alert queued.'); await refresh(); }, onError: (error) => setStatus(errorMessage(error)) }));
  const name = names[channel.kind];
  const last = channel.lastDelivery;
  return (
    <form
      className="card setup-form alert-channel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ kind: channel.kind, url: url.trim() });
      }}
    >
      <h3>{name}</h3>
      <p className="meta">
        {channel.configured ? <>Posting to {channel.maskedUrl}.</> : 'Not set.'}
        {last && <> Last alert: {last.status === 'sent' ? 'delivered' : last.status === 'dead' ? 'failed for good' : 'waiting'}{last.responseStatus !== null ? ` (HTTP ${last.responseStatus})` : ''}.</>}
      </p>
      <TextField label={`${name} incoming-webhook URL`} type="url" inputMode="url" placeholder="https://…" value={url} errors={problem?.fieldErrors.url} onChange={(event) => setUrl(event.target.value)} />
      <FormStatus problem={problem} status={status} />
      <div className="webhook-actions">
        <button type="submit" disabled={save.isPending || url.trim() === ''}>{channel.configured ? `Replace the ${name} URL` : `Save the ${name} URL`}</button>
        {channel.configured && (
          <>
            <button type="button" className="secondary" disabled={test.isPending} onClick={() => test.mutate({ kind: channel.kind })}>Send a test alert<span className="visually-hidden"> to {name}</span></button>
            <button type="button" className="secondary" disabled={save.isPending} onClick={() => save.mutate({ kind: channel.kind, url: null })}>Remove<span className="visually-hidden"> the {name} URL</span></button>
          </>
        )}
      </div>
    </form>
  );
}

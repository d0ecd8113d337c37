// A new webhook endpoint: its URL, a note, and the events it receives.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, TextField, type FormProblem } from '../../components/form-field';

export function EndpointForm({ eventTypes, onCreated }: { eventTypes: string[]; onCreated: (secret: string, endpointId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>(eventTypes);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async (created) => {
        setProblem(null);
        setUrl('');
        setDescription('');
        onCreated(created.secret, created.endpoint.id);
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
      },
      onError: (error) => setProblem(readFormProblem(error)),
    }),
  );
  const errors = problem?.fieldErrors ?? {};
  const toggle = (type: string, on: boolean) => setEvents((current) => (on ? [...current, type] : current.filter((one) => one !== type)));
  return (
    <form
      className="card setup-form"
      aria-labelledby="new-endpoint-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ url: url.trim(), description, events: eventTypes.filter((type) => events.includes(type)) as never });
      }}
    >
      <h2 id="new-endpoint-title">Add an endpoint</h2>
      <TextField label="Endpoint URL" type="url" inputMode="url" placeholder="https://crm.example.org/hooks/desk" required value={url} errors={errors.url} onChange={(event) => setUrl(event.target.value)} />
      <TextField label="Description" hint="Optional: what receives these events." maxLength={200} value={description} errors={errors.description} onChange={(event) => setDescription(event.target.value)} />
      <fieldset className="webhook-events">
        <legend>Events</legend>
        {eventTypes.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={events.includes(type)} onChange={(event) => toggle(type, event.target.checked)} /> <code>{type}</code>
          </label>
        ))}
        {errors.events && <p className="field-error">{errors.events.join(' ')}</p>}
      </fieldset>
      <FormStatus problem={problem} />
      <button type="submit" disabled={create.isPending}>{create.isPending ? 'Adding…' : 'Add the endpoint'}</button>
    </form>
  );
}

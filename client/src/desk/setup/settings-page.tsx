import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { QueryResult, useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, SelectField, TextAreaField, TextField, type FormProblem } from '../../components/form-field';
import { ZonePicker } from '../../components/zone-picker';
import { browserTimeZone } from '../../time';
import type { StaffUser } from '../staff-user';
import { AlertChannels } from '../webhooks/alert-channels';
import './setup.css';

type Outputs = inferRouterOutputs<AppRouter>;
type Office = Outputs['office']['get'];
type PressContact = Outputs['pressContacts']['list'][number];

/** Admin: the press office's profile, shown to reporters on the home and release pages. */
export function SettingsPage(_props: { user: StaffUser }) {
  const trpc = useTRPC();
  const office = useQuery(trpc.office.get.queryOptions());
  const contacts = useQuery(trpc.pressContacts.list.queryOptions());
  return (
    <>
      <h1>Office settings</h1>
      <p className="meta">Who the press office is: reporters see this on the home page and on every release.</p>
      <QueryResult query={office} label="the office profile">
        {(profile) => <QueryResult query={contacts} label="the press contacts">{(list) => <OfficeForm office={profile} contacts={list} />}</QueryResult>}
      </QueryResult>
      <AlertChannels />
      <ApiReferenceCard />
    </>
  );
}

/** Where integrators start: the server's own API reference and OpenAPI document (README "API description"). */
function ApiReferenceCard() {
  return (
    <section className="card" aria-labelledby="api-reference-heading">
      <h2 id="api-reference-heading">API for other tools</h2>
      <p>
        Developers connecting the desk to a website, a CRM or a chat tool find every call, its input and who may make it in the <a href="/api/docs">API reference</a>, also as an{' '}
        <a href="/api/openapi.json">OpenAPI 3.1 document</a> for code generators. Monitoring reads <code>/metrics</code> when the server has a <code>METRICS_TOKEN</code>.
      </p>
    </section>
  );
}

function OfficeForm({ office, contacts }: { office: Office; contacts: PressContact[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => ({
    name: office.name ?? '',
    description: office.description,
    website: office.website ?? '',
    timeZone: office.configured ? office.timeZone : browserTimeZone(),
    pressContactId: office.contact?.id ?? '',
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const save = useMutation(
    trpc.office.update.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        setStatus('Saved. Reporters now see this profile.');
        await queryClient.invalidateQueries({ queryKey: trpc.office.get.queryKey() });
      },
      onError: (error) => {
        setStatus('');
        setProblem(readFormProblem(error));
      },
    }),
  );
  const errors = problem?.fieldErrors ?? {};
  const set = (patch: Partial<typeof draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus('');
  };
  function submit(event: React.FormEvent) {
    event.preventDefault();
    save.mutate({ name: draft.name, description: draft.description, website: draft.website.trim() || null, timeZone: draft.timeZone, pressContactId: draft.pressContactId || null });
  }
  return (
    <form className="setup-form card" onSubmit={submit} noValidate>
      <TextField label="Name of the press office" value={draft.name} required maxLength={200} errors={errors.name} onChange={(event) => set({ name: event.target.value })} />
      <TextAreaField label="Short description" hint="A sentence or two under the name." rows={3} maxLength={1000} value={draft.description} errors={errors.description} onChange={(event) => set({ description: event.target.value })} />
      <TextField label="Website" type="url" inputMode="url" placeholder="https://…" value={draft.website} errors={errors.website} onChange={(event) => set({ website: event.target.value })} />
      <ZonePicker value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} label="Default time zone of the office" />
      {errors.timeZone && <p className="field-error">{errors.timeZone.join(' ')}</p>}
      <SelectField
        label="Press contact shown to reporters"
        hint={contacts.length === 0 ? 'Add press contacts first (Press contacts); only their public channels are shown.' : 'Only the channels marked public are shown.'}
        value={draft.pressContactId}
        errors={errors.pressContactId}
        onChange={(event) => set({ pressContactId: event.target.value })}
      >
        <option value="">None</option>
        {contacts.map((contact) => (
          <option key={contact.id} value={contact.id}>
            {contact.name}, {contact.title}
          </option>
        ))}
      </SelectField>
      <FormStatus problem={problem} status={status} />
      <button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save the office profile'}</button>
    </form>
  );
}

// The release's fields: title, address, Markdown text, publication and embargo
// instants (entered in the editor's zone, UTC and the office's zone beside),
// embargo terms, links, spokespeople and press contact.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, SelectField, TextAreaField, TextField, type FormProblem } from '../../components/form-field';
import { browserTimeZone } from '../../time';
import { navigate } from '../../router';
import { InstantField, instantToWallTime, wallTimeToIso } from './instant-field';
import type { ManagedRelease } from './release-types';

export function ReleaseForm({ release, officeZone }: { release: ManagedRelease | null; officeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editorZone = browserTimeZone();
  const spokespeople = useQuery(trpc.spokespeople.listAll.queryOptions());
  const contacts = useQuery(trpc.pressContacts.list.queryOptions());
  const [draft, setDraft] = useState(() => ({
    title: release?.title ?? '',
    slug: release?.slug ?? '',
    body: release?.body ?? '',
    publishedAt: instantToWallTime(release?.publishedAt ?? null, editorZone),
    embargoUntil: instantToWallTime(release?.embargoUntil ?? null, editorZone),
    embargoTerms: release?.embargoTerms ?? '',
    links: release?.links ?? [],
    pressContactId: release?.pressContactId ?? '',
    spokespersonIds: release?.spokespeople.map((person) => person.id) ?? [],
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const options = {
    onSuccess: async (saved: { id: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.releases.pathKey() });
      setProblem(null);
      setStatus('Saved.');
      if (!release) navigate(`/desk/releases/${saved.id}`);
    },
    onError: (error: unknown) => {
      setStatus('');
      setProblem(readFormProblem(error));
    },
  };
  const create = useMutation(trpc.releases.create.mutationOptions(options));
  const update = useMutation(trpc.releases.update.mutationOptions(options));
  const errors = problem?.fieldErrors ?? {};
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      title: draft.title,
      body: draft.body,
      ...(draft.slug ? { slug: draft.slug } : {}),
      publishedAt: wallTimeToIso(draft.publishedAt, editorZone),
      embargoUntil: wallTimeToIso(draft.embargoUntil, editorZone),
      embargoTerms: draft.embargoTerms,
      links: draft.links.filter((link) => link.label || link.url),
      pressContactId: draft.pressContactId || null,
      spokespersonIds: draft.spokespersonIds,
    };
    if (release) update.mutate({ id: release.id, ...input });
    else create.mutate(input);
  }

  return (
    <form className="card release-editor-grid" aria-label={release ? `Edit ${release.title}` : 'New release'} noValidate onSubmit={submit}>
      <TextField label="Title" value={draft.title} required errors={errors.title} onChange={(event) => set({ title: event.target.value })} />
      <TextField label="Address (slug)" hint="Leave empty to make one from the title." value={draft.slug} errors={errors.slug} onChange={(event) => set({ slug: event.target.value })} />
      <TextAreaField label="Text (Markdown)" hint="**bold**, *italic*, [link](https://…), lists with -. Scripts and other HTML are removed." rows={12} value={draft.body} required errors={errors.body} onChange={(event) => set({ body: event.target.value })} />
      <InstantField label="Publish at" hint="Not set: a draft." value={draft.publishedAt} onChange={(publishedAt) => set({ publishedAt })} editorZone={editorZone} officeZone={officeZone} errors={errors.publishedAt} />
      <InstantField label="Embargo until" hint="No embargo." value={draft.embargoUntil} onChange={(embargoUntil) => set({ embargoUntil })} editorZone={editorZone} officeZone={officeZone} errors={errors.embargoUntil} />
      <TextAreaField label="Embargo terms" rows={2} value={draft.embargoTerms} errors={errors.embargoTerms} onChange={(event) => set({ embargoTerms: event.target.value })} />
      <fieldset>
        <legend>Links</legend>
        {draft.links.map((link, index) => (
          <div key={index} className="release-links-row">
            <TextField label={`Link ${index + 1} label`} value={link.label} errors={errors[`links.${index}.label`]} onChange={(event) => set({ links: draft.links.map((entry, at) => (at === index ? { ...entry, label: event.target.value } : entry)) })} />
            <TextField label={`Link ${index + 1} address`} type="url" value={link.url} errors={errors[`links.${index}.url`]} onChange={(event) => set({ links: draft.links.map((entry, at) => (at === index ? { ...entry, url: event.target.value } : entry)) })} />
            <button type="button" className="secondary" onClick={() => set({ links: draft.links.filter((_, at) => at !== index) })}>
              Remove<span className="visually-hidden"> link {index + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ links: [...draft.links, { label: '', url: '' }] })}>Add a link</button>
      </fieldset>
      <fieldset>
        <legend>Spokespeople</legend>
        {(spokespeople.data ?? []).map((person) => (
          <label key={person.id} className="checkbox">
            <input type="checkbox" checked={draft.spokespersonIds.includes(person.id)} onChange={(event) => set({ spokespersonIds: event.target.checked ? [...draft.spokespersonIds, person.id] : draft.spokespersonIds.filter((id) => id !== person.id) })} /> {person.name}
          </label>
        ))}
      </fieldset>
      <SelectField label="Press contact" value={draft.pressContactId} errors={errors.pressContactId} onChange={(event) => set({ pressContactId: event.target.value })}>
        <option value="">None</option>
        {(contacts.data ?? []).map((contact) => (
          <option key={contact.id} value={contact.id}>{contact.name}</option>
        ))}
      </SelectField>
      <FormStatus problem={problem} status={status} />
      <div className="row-actions">
        <button type="submit" disabled={create.isPending || update.isPending}>{release ? 'Save the release' : 'Create the release'}</button>
      </div>
    </form>
  );
}

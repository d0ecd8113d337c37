import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, SelectField, TextField, type FormProblem } from '../../components/form-field';
import { ZonePicker } from '../../components/zone-picker';
import { browserTimeZone } from '../../time';
import type { PressContact } from './press-contacts-page';

type Visibility = 'public' | 'confirmed' | 'internal';
type Channel = 'email' | 'phone' | 'whatsapp';

export const visibilityNames: Record<string, string> = { public: 'Public', confirmed: 'Confirmed interviewees', internal: 'Internal' };
const channelNames: Record<Channel, string> = { email: 'Email', phone: 'Phone', whatsapp: 'WhatsApp' };

/** Create (no `contact`) or edit one press contact. */
export function PressContactForm({ contact, onDone }: { contact?: PressContact; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => ({
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    whatsapp: contact?.whatsapp ?? '',
    visibility: (contact?.visibility as Record<Channel, Visibility> | undefined) ?? { email: 'public', phone: 'confirmed', whatsapp: 'confirmed' },
    timeZone: contact?.timeZone ?? browserTimeZone(),
    hoursStart: contact?.hoursStart ?? '',
    hoursEnd: contact?.hoursEnd ?? '',
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pressContacts.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.office.pathKey() });
      onDone();
    },
    onError: (error: unknown) => setProblem(readFormProblem(error)),
  };
  const create = useMutation(trpc.pressContacts.create.mutationOptions(options));
  const update = useMutation(trpc.pressContacts.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const errors = problem?.fieldErrors ?? {};
  const heading = contact ? `Edit ${contact.name}` : 'New press contact';
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = { ...draft, phone: draft.phone.trim() || null, whatsapp: draft.whatsapp.trim() || null, hoursStart: draft.hoursStart || null, hoursEnd: draft.hoursEnd || null };
    if (contact) update.mutate({ id: contact.id, ...input });
    else create.mutate(input);
  }
  return (
    <form className="setup-form card" aria-label={heading} noValidate onSubmit={submit}>
      <h2>{heading}</h2>
      <div className="setup-grid">
        <TextField label="Name" value={draft.name} required errors={errors.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
        <TextField label="Title" value={draft.title} required errors={errors.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
        <TextField label="Email" type="email" value={draft.email} required errors={errors.email} onChange={(event) => setDraft({ ...draft, email: event.target.value })} />
        <TextField label="Phone" type="tel" hint="With the country code, e.g. +41 78 000 00 00." value={draft.phone} errors={errors.phone} onChange={(event) => setDraft({ ...draft, phone: event.target.value })} />
        <TextField label="WhatsApp" type="tel" value={draft.whatsapp} errors={errors.whatsapp} onChange={(event) => setDraft({ ...draft, whatsapp: event.target.value })} />
      </div>
      <fieldset>
        <legend>Who may see each channel</legend>
        <div className="setup-grid">
          {(Object.keys(channelNames) as Channel[]).map((channel) => (
            <SelectField key={channel} label={`${channelNames[channel]} visible to`} value={draft.visibility[channel]} errors={errors[`visibility.${channel}`]} onChange={(event) => setDraft({ ...draft, visibility: { ...draft.visibility, [channel]: event.target.value as Visibility } })}>
              {Object.entries(visibilityNames).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <ZonePicker value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} label="Works in the time zone" />
      {errors.timeZone && <p className="field-error">{errors.timeZone.join(' ')}</p>}
      <div className="setup-grid">
        <TextField label="Working hours from" type="time" hint="In their zone; shown in the contact block on releases." value={draft.hoursStart} errors={errors.hoursStart} onChange={(event) => setDraft({ ...draft, hoursStart: event.target.value })} />
        <TextField label="Working hours until" type="time" value={draft.hoursEnd} errors={errors.hoursEnd} onChange={(event) => setDraft({ ...draft, hoursEnd: event.target.value })} />
      </div>
      <FormStatus problem={problem} />
      <div className="row-actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : contact ? 'Save changes' : 'Add the press contact'}</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

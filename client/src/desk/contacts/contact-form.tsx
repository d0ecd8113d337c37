// /desk/contacts/new and /desk/contacts/<id>/edit: every field the API takes,
// with the server's errors next to their fields.
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/query';
import { usePageTitle } from '../../components/page-title';
import { navigate, onLinkClick } from '../../router';
import { channelNames, lawfulBasisNames } from './contact-format';
import { channels, draftErrorsOf, draftOf, inputOf, lawfulBases, type Channel, type Draft, type LawfulBasis } from './contact-draft';
import { EmailRows, FieldError, invalidProps, PhoneRows, TextField, type Errors } from './contact-form-fields';
import { contactPath, listUrl, type ContactView } from './contact-types';
import { errorsUnder, noErrors, placeErrors, type PlacedErrors } from './form-errors';
import { newOutletInput, OutletPicker } from './outlet-picker';

const zoneNames: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function ContactFormPage({ id }: { id?: string }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.contacts.get.queryOptions({ id: id ?? '' }), enabled: Boolean(id) });
  usePageTitle(id ? (existing.data ? `Edit ${existing.data.contact.name}` : 'Edit contact') : 'New contact', 1);
  if (!id) return <ContactForm />;
  if (existing.isPending) return <p role="status">Loading the contact…</p>;
  if (existing.isError) return <p role="alert">Could not load the contact: {existing.error.message}</p>;
  return <ContactForm contact={existing.data.contact} />;
}

function ContactForm({ contact }: { contact?: ContactView }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (changes: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...changes }));

  const save = useMutation({
    mutationFn: async (current: Draft) => {
      let outletId: string | null = current.outlet.mode === 'existing' ? current.outlet.outletId : null;
      if (current.outlet.mode === 'new') {
        try {
          outletId = (await client.outlets.create.mutate(newOutletInput(current.outlet.outlet))).id;
        } catch (error) {
          const placed = placeErrors(error);
          throw Object.assign(new Error('outlet'), { placed: { fields: Object.fromEntries(Object.entries(placed.fields).map(([key, value]) => [`outlet.${key}`, value])), form: placed.form } });
        }
        // Made once: a retry after a contact error links this outlet instead of creating another.
        set({ outlet: { mode: 'existing', outletId } });
        await queryClient.invalidateQueries({ queryKey: trpc.outlets.pathKey() });
      }
      const { lawfulBasis, ...input } = inputOf(current, outletId);
      if (!contact) return client.contacts.create.mutate({ ...input, lawfulBasis });
      // Sending the lawful basis records it as (re)established now: only when it changed.
      return client.contacts.update.mutate({ id: contact.id, ...input, ...(lawfulBasis !== contact.lawfulBasis ? { lawfulBasis } : {}) });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
      navigate(contactPath(saved.id));
    },
    onError: (error, current) => {
      const placed = (error as { placed?: PlacedErrors }).placed ?? placeErrors(error);
      setErrors({ fields: draftErrorsOf(placed.fields, current), form: placed.form ?? (Object.keys(placed.fields).length > 0 ? 'Some fields need a change; see the messages beside them.' : null) });
    },
  });

  // After a refused save, the first field with an error gets the focus.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const fields = errors.fields;
  const outletErrors = { ...errorsUnder(fields, 'outlet'), ...(fields.outletId ? { outletId: fields.outletId } : {}) };
  const selectField = (key: 'preferredChannel' | 'lawfulBasis', label: string, options: readonly string[], names: Record<string, string>, blank?: string) => (
    <div className="form-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={draft[key]} onChange={(event) => set({ [key]: event.target.value as Channel & LawfulBasis })} {...invalidProps(fields, key, `${id}-${key}-error`)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((option) => (
          <option key={option} value={option}>{names[option]}</option>
        ))}
      </select>
      <FieldError id={`${id}-${key}-error`} messages={fields[key]} />
    </div>
  );
  return (
    <form ref={formRef} className="contact-form" noValidate onSubmit={(event) => { event.preventDefault(); setErrors(noErrors); save.mutate(draft); }}>
      <p className="contact-back">
        <a href={contact ? contactPath(contact.id) : listUrl()} onClick={onLinkClick}>{contact ? `← ${contact.name}` : '← All media contacts'}</a>
      </p>
      <h1>{contact ? `Edit ${contact.name}` : 'New contact'}</h1>
      <TextField id={`${id}-name`} label="Name" value={draft.name} onChange={(name) => set({ name })} errors={fields} errorKey="name" autoComplete="off" />
      <EmailRows id={id} draft={draft} set={set} errors={fields} />
      <PhoneRows id={id} draft={draft} set={set} errors={fields} />
      <TextField id={`${id}-whatsapp`} label="WhatsApp" type="tel" value={draft.whatsapp} onChange={(whatsapp) => set({ whatsapp })} errors={fields} errorKey="whatsapp" hint="Number with country code" />
      <OutletPicker value={draft.outlet} onChange={(outlet) => set({ outlet })} errors={outletErrors} allowNone />
      <TextField id={`${id}-role`} label="Role or beat" value={draft.role} onChange={(role) => set({ role })} errors={fields} errorKey="role" />
      <TextField id={`${id}-languages`} label="Languages" value={draft.languages} onChange={(languages) => set({ languages })} errors={fields} errorKey="languages" hint="Codes separated by commas, e.g. en, fr-CH" />
      <TextField id={`${id}-zone`} label="Time zone" value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} errors={fields} errorKey="timeZone" hint="IANA zone, e.g. Europe/Zurich" list={`${id}-zones`} autoComplete="off" />
      <datalist id={`${id}-zones`}>{zoneNames.map((zone) => <option key={zone} value={zone} />)}</datalist>
      <TextField id={`${id}-country`} label="Country" value={draft.country} onChange={(country) => set({ country })} errors={fields} errorKey="country" hint="Two letters, e.g. CH" maxLength={2} />
      {selectField('preferredChannel', 'Preferred channel', channels, channelNames, 'Not stated')}
      <div className="form-field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} rows={4} value={draft.notes} onChange={(event) => set({ notes: event.target.value })} {...invalidProps(fields, 'notes', `${id}-notes-error`)} />
        <FieldError id={`${id}-notes-error`} messages={fields.notes} />
      </div>
      <TextField id={`${id}-tags`} label="Tags" value={draft.tags} onChange={(tags) => set({ tags })} errors={fields} errorKey="tags" hint="Separated by commas" />
      <TextField id={`${id}-source`} label="Source" value={draft.source} onChange={(source) => set({ source })} errors={fields} errorKey="source" hint="Where this contact came from, e.g. business card at the launch" />
      {selectField('lawfulBasis', 'Lawful basis', lawfulBases, lawfulBasisNames)}
      <div className="form-check">
        <input id={`${id}-dnc`} type="checkbox" checked={draft.doNotContact} onChange={(event) => set({ doNotContact: event.target.checked })} />
        <label htmlFor={`${id}-dnc`}>Do not contact (they asked not to be contacted)</label>
      </div>
      {errors.form && <p role="alert" className="form-error">{errors.form}</p>}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : contact ? 'Save changes' : 'Add contact'}</button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, SelectField, type FieldErrors, type FormProblem } from '../../components/form-field';
import { navigate } from '../../router';
import { browserTimeZone } from '../../time';
import { BookingRuleFields, OfferFields, ProfileFields, StartingHoursFields } from './spokesperson-fields';
import { createInput, draftFromPerson, newDraft, personInput, type ManagedPerson, type PersonDraft } from './spokesperson-draft';

/** Number fields that must not be left empty, by the input field they feed. */
const requiredNumbers: [keyof PersonDraft, string][] = [
  ['slotStep', 'slotStepMinutes'],
  ['bufferBefore', 'bufferBeforeMinutes'],
  ['bufferAfter', 'bufferAfterMinutes'],
  ['notice', 'minimumNoticeMinutes'],
  ['horizon', 'horizonDays'],
];

function blankNumbers(draft: PersonDraft): FieldErrors {
  return Object.fromEntries(requiredNumbers.filter(([key]) => String(draft[key]).trim() === '').map(([, field]) => [field, ['Enter a number']]));
}

/**
 * Create (no `person`) or edit a spokesperson's profile and booking settings.
 * Press officers also link a login and (de)activate; `self`: a spokesperson
 * editing their own profile, who may do neither.
 */
export function SpokespersonForm({ person, self = false }: { person?: ManagedPerson; self?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery({ ...trpc.users.spokespersonAccounts.queryOptions(), enabled: !self });
  const [draft, setDraft] = useState(() => (person ? draftFromPerson(person) : newDraft(browserTimeZone())));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.spokespeople.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  };
  const onError = (error: unknown) => {
    setStatus('');
    setProblem(readFormProblem(error));
  };
  const create = useMutation(
    trpc.spokespeople.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        navigate(`/desk/spokespeople/${encodeURIComponent(created.id)}?created=1`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.spokespeople.update.mutationOptions({
      onSuccess: async (saved) => {
        setProblem(null);
        setStatus(`Saved. ${saved.active ? 'Reporters see these settings now.' : 'Inactive: reporters cannot book.'}`);
        await refresh();
      },
      onError,
    }),
  );
  const pending = create.isPending || update.isPending;
  const errors = problem?.fieldErrors ?? {};
  const set = (patch: Partial<PersonDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus('');
  };
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const blanks = blankNumbers(draft);
    if (Object.keys(blanks).length > 0) {
      setProblem({ message: 'Nothing was saved: correct the marked fields.', fieldErrors: blanks });
      return;
    }
    if (person && self) {
      const { userId: _userId, ...own } = personInput(draft);
      update.mutate({ id: person.id, ...own });
    } else if (person) update.mutate({ id: person.id, ...personInput(draft), active: draft.active });
    else create.mutate(createInput(draft));
  }
  const linkable = (accounts.data ?? []).filter((account) => !account.spokesperson || account.spokesperson.id === person?.id);
  return (
    <form className="setup-form" noValidate onSubmit={submit} aria-label={person ? `Edit ${person.name}` : 'New spokesperson'}>
      <ProfileFields draft={draft} errors={errors} set={set} />
      <OfferFields draft={draft} errors={errors} set={set} />
      <BookingRuleFields draft={draft} errors={errors} set={set} />
      {!person && <StartingHoursFields draft={draft} errors={errors} set={set} />}
      {!self && <fieldset>
        <legend>Account and status</legend>
        <SelectField
          label="Staff login of this spokesperson"
          hint={accounts.isError ? 'Could not load the accounts.' : 'They sign in to see their interviews, hours and calendar feed. Administrators add logins under Users.'}
          value={draft.userId}
          errors={errors.userId}
          onChange={(event) => set({ userId: event.target.value })}
        >
          <option value="">No login linked</option>
          {linkable.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name} ({account.email}){account.active ? '' : ', deactivated'}
            </option>
          ))}
        </SelectField>
        {person && (
          <label className="checkbox">
            <input type="checkbox" checked={draft.active} onChange={(event) => set({ active: event.target.checked })} /> Active: reporters can find and book {person.name}
          </label>
        )}
      </fieldset>}
      <FormStatus problem={problem} status={status} />
      <button type="submit" disabled={pending}>{pending ? 'Saving…' : person ? 'Save changes' : 'Add the spokesperson'}</button>
    </form>
  );
}

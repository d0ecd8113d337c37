// /desk/contacts/<a>/merge/<b>: two records of one person side by side; the
// press officer picks which record stays and, field by field, which value.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { usePageTitle } from '../../components/page-title';
import { navigate, onLinkClick } from '../../router';
import { contactPath, DUPLICATES_PATH, type ContactView } from './contact-types';
import { choicesFor, combinedLists, defaultChoices, mergeFields, type MergeField, type Side } from './merge-fields';
import { distinctValues, MergeChoice } from './merge-choice';

export function MergePage({ id, otherId }: { id: string; otherId: string }) {
  const trpc = useTRPC();
  const a = useQuery(trpc.contacts.get.queryOptions({ id }));
  const b = useQuery(trpc.contacts.get.queryOptions({ id: otherId }));
  usePageTitle(a.data && b.data ? `Merge ${a.data.contact.name} and ${b.data.contact.name}` : 'Merge contacts', 1);
  const back = (
    <p className="contact-back">
      <a href={DUPLICATES_PATH} onClick={onLinkClick}>← Likely duplicates</a>
    </p>
  );
  if (a.isPending || b.isPending) return <>{back}<p role="status">Loading both contacts…</p></>;
  if (a.isError || b.isError) return <>{back}<p role="alert">Could not load both contacts: {errorMessage(a.error ?? b.error)}</p></>;
  return (
    <>
      {back}
      <MergeForm a={a.data.contact} b={b.data.contact} />
    </>
  );
}

function MergeForm({ a, b }: { a: ContactView; b: ContactView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choices, setChoices] = useState(() => defaultChoices(a, b));
  const [confirming, setConfirming] = useState(false);
  const records = { a, b };
  const kept = records[survivor];
  const merged = records[survivor === 'a' ? 'b' : 'a'];
  const merge = useMutation(
    trpc.contacts.merge.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
        navigate(contactPath(result.id));
      },
    }),
  );
  // Only facts the records disagree on need a choice; the rest are listed as kept.
  const differing = mergeFields.filter(({ show }) => show(a) !== show(b));
  const same = mergeFields.filter(({ show }) => show(a) === show(b));
  const choose = (field: MergeField, side: Side | 'both') => setChoices((previous) => ({ ...previous, [field]: side }));
  return (
    <form className="merge-form" onSubmit={(event) => { event.preventDefault(); setConfirming(true); }}>
      <h1>Merge {a.name} and {b.name}</h1>
      <p>Choose, for each fact, which record’s value the merged contact keeps. Email addresses, phone numbers, languages and tags of both are kept; so are both histories. “Do not contact” on either record stays on.</p>
      <fieldset className="merge-survivor">
        <legend>Keep as the main record</legend>
        <p className="meta hint">Its primary email address stays primary; the other record becomes a pointer to it, so mail from its address finds the merged contact.</p>
        {(['a', 'b'] as const).map((side) => (
          <label key={side} className="radio">
            <input type="radio" name="survivor" checked={survivor === side} onChange={() => setSurvivor(side)} /> {records[side].name}
            {records[side].emails[0] && <span className="meta"> ({records[side].emails[0]})</span>}
          </label>
        ))}
      </fieldset>
      {differing.map(({ field, label, show }) => (
        <MergeChoice key={field} field={field} label={label} a={show(a)} b={show(b)} choice={choices[field]} onChoose={(side) => choose(field, side)} names={{ a: a.name, b: b.name }} />
      ))}
      <section className="card merge-combined" aria-labelledby="merge-combined-heading">
        <h2 id="merge-combined-heading">Kept from both, or the same on both</h2>
        <dl className="contact-facts">
          {combinedLists.map(({ label, values }) => (
            <div key={label} className="merge-combined-row">
              <dt>{label}</dt>
              <dd>{distinctValues([...values(kept), ...values(merged)]).join(', ') || <span className="meta">None</span>}</dd>
            </div>
          ))}
          {same.map(({ field, label, show }) => (
            <div key={field} className="merge-combined-row">
              <dt>{label}</dt>
              <dd>{show(a) ?? <span className="meta">None on either</span>}</dd>
            </div>
          ))}
          <div className="merge-combined-row">
            <dt>Do not contact</dt>
            <dd>{a.doNotContact || b.doNotContact ? 'Yes (one of the records says so)' : 'No'}</dd>
          </div>
        </dl>
      </section>
      <div className="form-actions">
        <button type="submit">Merge…</button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Merge ${merged.name} into ${kept.name}?`}
        confirmLabel="Merge"
        busy={merge.isPending}
        error={merge.isError ? `Could not merge: ${errorMessage(merge.error)}` : null}
        onConfirm={() => merge.mutate({ survivorId: kept.id, duplicateId: merged.id, fields: choicesFor(survivor, choices) })}
        onCancel={() => {
          setConfirming(false);
          merge.reset();
        }}
      >
        <p>The two records become one, {kept.name}’s, with the values you chose. A merge cannot be undone from the console.</p>
      </ConfirmDialog>
    </form>
  );
}

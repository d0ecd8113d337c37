// Choose an outlet on record or describe a new one. Used by the contact form
// and by "link the outlet a reporter typed" on the card.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { outletKindNames } from './contact-format';
import type { Outlet } from './contact-types';

export const outletKinds = ['print', 'online', 'tv', 'radio', 'wire', 'podcast'] as const;

export interface NewOutlet {
  name: string;
  kind: (typeof outletKinds)[number];
  country: string;
  website: string;
}

/** "none" only where an outlet is optional (the form); the card's link always names one. */
export type OutletChoice = { mode: 'none' } | { mode: 'existing'; outletId: string } | { mode: 'new'; outlet: NewOutlet };

/** Accent- and case-free, for matching what a reporter typed to outlets on record. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An outlet on record with the same name as the typed text, if there is one. */
export function matchingOutlet(outlets: readonly Outlet[], typed: string): Outlet | undefined {
  return outlets.find((outlet) => foldName(outlet.name) === foldName(typed));
}

export function OutletPicker({ value, onChange, errors, allowNone }: { value: OutletChoice; onChange: (choice: OutletChoice) => void; errors: Record<string, string[]>; allowNone?: boolean }) {
  const trpc = useTRPC();
  const outlets = useQuery(trpc.outlets.list.queryOptions({}));
  const id = useId();
  const blankOutlet: NewOutlet = { name: '', kind: 'print', country: '', website: '' };
  const fresh = value.mode === 'new' ? value.outlet : blankOutlet;
  const setNew = (changes: Partial<NewOutlet>) => onChange({ mode: 'new', outlet: { ...fresh, ...changes } });
  const error = (field: string) =>
    errors[field] && (
      <span id={`${id}-${field}-error`} className="field-error">
        {errors[field]!.join(' ')}
      </span>
    );
  const described = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);
  const firstOutlet = outlets.data?.[0]?.id;
  return (
    <fieldset className="outlet-picker">
      <legend>Outlet</legend>
      {allowNone && (
        <label className="radio">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'none'} onChange={() => onChange({ mode: 'none' })} /> No outlet
        </label>
      )}
      <label className="radio">
        <input type="radio" name={`${id}-mode`} checked={value.mode === 'existing'} disabled={!firstOutlet} onChange={() => firstOutlet && onChange({ mode: 'existing', outletId: firstOutlet })} /> An outlet on record
      </label>
      {value.mode === 'existing' && (
        <>
          <label htmlFor={`${id}-existing`}>Outlet on record</label>
          <select id={`${id}-existing`} value={value.outletId} onChange={(event) => onChange({ mode: 'existing', outletId: event.target.value })} aria-describedby={described('outletId')} aria-invalid={errors.outletId ? true : undefined}>
            {outlets.data?.map((outlet) => (
              <option key={outlet.id} value={outlet.id}>
                {outlet.name} ({outletKindNames[outlet.kind] ?? outlet.kind}{outlet.country ? `, ${outlet.country}` : ''})
              </option>
            ))}
          </select>
          {error('outletId')}
        </>
      )}
      {outlets.isError && <span className="field-error">Could not load outlets: {errorMessage(outlets.error)}</span>}
      <label className="radio">
        <input type="radio" name={`${id}-mode`} checked={value.mode === 'new'} onChange={() => setNew({})} /> A new outlet
      </label>
      {value.mode === 'new' && (
        <div className="outlet-new">
          <div>
            <label htmlFor={`${id}-name`}>Outlet name</label>
            <input id={`${id}-name`} value={fresh.name} onChange={(event) => setNew({ name: event.target.value })} aria-describedby={described('name')} aria-invalid={errors.name ? true : undefined} />
            {error('name')}
          </div>
          <div>
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} value={fresh.kind} onChange={(event) => setNew({ kind: event.target.value as NewOutlet['kind'] })}>
              {outletKinds.map((kind) => (
                <option key={kind} value={kind}>{outletKindNames[kind]}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-country`}>Outlet country</label>
            <input id={`${id}-country`} value={fresh.country} maxLength={2} onChange={(event) => setNew({ country: event.target.value })} aria-describedby={described('country') ?? `${id}-country-hint`} aria-invalid={errors.country ? true : undefined} />
            {error('country') ?? <span id={`${id}-country-hint`} className="meta hint">Two letters, e.g. CH (optional)</span>}
          </div>
          <div>
            <label htmlFor={`${id}-website`}>Website</label>
            <input id={`${id}-website`} type="url" value={fresh.website} onChange={(event) => setNew({ website: event.target.value })} aria-describedby={described('website')} aria-invalid={errors.website ? true : undefined} />
            {error('website')}
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** outlets.create's input for a new outlet (blank optional fields left out). */
export function newOutletInput(outlet: NewOutlet) {
  return { name: outlet.name, kind: outlet.kind, country: outlet.country.trim() || null, website: outlet.website.trim() || null };
}

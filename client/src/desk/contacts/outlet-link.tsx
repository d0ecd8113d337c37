// "Link the outlet a reporter typed": a request says "Alpenblatt" in free
// text; the press officer makes it the contact's outlet on record, picking an
// outlet that exists or creating it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/query';
import { errorsUnder, noErrors, placeErrors, type PlacedErrors } from './form-errors';
import type { ContactView } from './contact-types';
import { matchingOutlet, newOutletInput, OutletPicker, type OutletChoice } from './outlet-picker';

export function OutletLink({ contact, typedName }: { contact: ContactView; typedName: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const outlets = useQuery(trpc.outlets.list.queryOptions({}));
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<OutletChoice | null>(null);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const match = outlets.data ? matchingOutlet(outlets.data, typedName) : undefined;
  // What the reporter typed, ready to confirm: the outlet on record of that name, or a new one called so.
  const effective: OutletChoice = choice ?? (match ? { mode: 'existing', outletId: match.id } : { mode: 'new', outlet: { name: typedName, kind: 'print', country: '', website: '' } });

  const link = useMutation({
    mutationFn: async (chosen: OutletChoice) => {
      let outletId: string | null = null;
      if (chosen.mode === 'existing') outletId = chosen.outletId;
      if (chosen.mode === 'new') {
        try {
          outletId = (await client.outlets.create.mutate(newOutletInput(chosen.outlet))).id;
        } catch (error) {
          const placed = placeErrors(error);
          // The outlet's own field errors sit next to the outlet's fields.
          throw Object.assign(new Error(placed.form ?? 'Check the outlet’s fields.'), { placed: { fields: Object.fromEntries(Object.entries(placed.fields).map(([key, value]) => [`outlet.${key}`, value])), form: placed.form } });
        }
      }
      return client.contacts.update.mutate({ id: contact.id, outletId });
    },
    onSuccess: async () => {
      setOpen(false);
      setChoice(null);
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.outlets.pathKey() })]);
    },
    onError: (error) => setErrors((error as { placed?: PlacedErrors }).placed ?? placeErrors(error)),
  });

  if (!open) {
    return (
      <button type="button" className="quiet link-outlet" onClick={() => setOpen(true)}>
        Link “{typedName}” to an outlet record
      </button>
    );
  }
  const outletErrors = { ...errorsUnder(errors.fields, 'outlet'), ...(errors.fields.outletId ? { outletId: errors.fields.outletId } : {}) };
  return (
    <form
      className="outlet-link"
      aria-label={`Link “${typedName}” to an outlet record`}
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(noErrors);
        link.mutate(effective);
      }}
    >
      <p className="meta">The reporter wrote “{typedName}”. {match ? 'An outlet of that name is on record.' : 'No outlet of that name is on record yet.'}</p>
      <OutletPicker value={effective} onChange={setChoice} errors={outletErrors} />
      {errors.form && <p role="alert" className="form-error">{errors.form}</p>}
      <div className="form-actions">
        <button type="submit" disabled={link.isPending}>{link.isPending ? 'Linking…' : 'Make it their outlet'}</button>
        <button type="button" className="quiet" onClick={() => setOpen(false)} disabled={link.isPending}>Cancel</button>
      </div>
    </form>
  );
}

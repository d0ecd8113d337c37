// The fields a merge chooses between, and how each is shown for choosing.
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { channelNames, lawfulBasisNames } from './contact-format';
import type { ContactView } from './contact-types';

export type MergeChoices = NonNullable<inferRouterInputs<AppRouter>['contacts']['merge']['fields']>;
export type MergeField = keyof MergeChoices;
/** Which of the two cards on screen: the one the comparison was opened from ("a") or the other. */
export type Side = 'a' | 'b';

export const mergeFields: { field: MergeField; label: string; show: (contact: ContactView) => string | null }[] = [
  { field: 'name', label: 'Name', show: (contact) => contact.name },
  { field: 'outlet', label: 'Outlet', show: (contact) => contact.outlet?.name ?? null },
  { field: 'role', label: 'Role or beat', show: (contact) => contact.role },
  { field: 'timeZone', label: 'Time zone', show: (contact) => contact.timeZone },
  { field: 'country', label: 'Country', show: (contact) => contact.country },
  { field: 'whatsapp', label: 'WhatsApp', show: (contact) => contact.whatsapp },
  { field: 'preferredChannel', label: 'Preferred channel', show: (contact) => (contact.preferredChannel ? channelNames[contact.preferredChannel] ?? contact.preferredChannel : null) },
  {
    field: 'lawfulBasis',
    label: 'Lawful basis and source',
    show: (contact) => (contact.lawfulBasis ? `${lawfulBasisNames[contact.lawfulBasis] ?? contact.lawfulBasis}${contact.source ? ` (${contact.source})` : ''}` : null),
  },
  { field: 'notes', label: 'Notes', show: (contact) => contact.notes },
];

/** Lists that a merge always combines (shown, not chosen). */
export const combinedLists: { label: string; values: (contact: ContactView) => string[] }[] = [
  { label: 'Email addresses', values: (contact) => contact.emails },
  { label: 'Phone numbers', values: (contact) => contact.phones.map((phone) => phone.e164) },
  { label: 'Languages', values: (contact) => contact.languages },
  { label: 'Tags', values: (contact) => contact.tags },
];

/** By default each field keeps card A's value, or B's where A has none. */
export function defaultChoices(a: ContactView, b: ContactView): Record<MergeField, Side | 'both'> {
  const choices = Object.fromEntries(mergeFields.map(({ field, show }) => [field, show(a) === null && show(b) !== null ? 'b' : 'a'])) as Record<MergeField, Side | 'both'>;
  if (a.notes && b.notes) choices.notes = 'both';
  return choices;
}

/** contacts.merge's `fields`, relative to the record that survives. */
export function choicesFor(survivor: Side, choices: Record<MergeField, Side | 'both'>): MergeChoices {
  const relative = (side: Side) => (side === survivor ? 'survivor' : 'duplicate');
  const result: MergeChoices = {};
  for (const { field } of mergeFields) {
    const choice = choices[field];
    if (field === 'notes') result.notes = choice === 'both' ? 'both' : relative(choice);
    else if (choice !== 'both') result[field] = relative(choice);
  }
  return result;
}

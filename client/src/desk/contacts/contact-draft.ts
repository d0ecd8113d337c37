// The contact form's state and how it becomes contacts.create/update input.
// Blank optional fields become null (cleared) on update and are left out on create.
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import type { ContactView } from './contact-types';
import type { OutletChoice } from './outlet-picker';

type CreateInput = inferRouterInputs<AppRouter>['contacts']['create'];
export type PhoneKind = NonNullable<NonNullable<CreateInput['phones']>[number]['kind']>;
export type Channel = NonNullable<CreateInput['preferredChannel']>;
export type LawfulBasis = NonNullable<CreateInput['lawfulBasis']>;

export const phoneKinds: readonly PhoneKind[] = ['cell', 'work', 'home', 'voice'];
export const channels: readonly Channel[] = ['email', 'phone', 'whatsapp'];
export const lawfulBases: readonly LawfulBasis[] = ['legitimate_interest', 'consent', 'contract'];

export interface Draft {
  name: string;
  emails: string[];
  phones: { number: string; kind: PhoneKind }[];
  whatsapp: string;
  outlet: OutletChoice;
  role: string;
  /** As typed: "en, fr-CH". */
  languages: string;
  timeZone: string;
  country: string;
  preferredChannel: Channel | '';
  notes: string;
  /** As typed: "climate, arms control". */
  tags: string;
  source: string;
  lawfulBasis: LawfulBasis;
  doNotContact: boolean;
}

export function draftOf(contact?: ContactView): Draft {
  return {
    name: contact?.name ?? '',
    emails: contact?.emails.length ? [...contact.emails] : [''],
    phones: contact?.phones.length ? contact.phones.map((phone) => ({ number: phone.e164, kind: phone.kind })) : [{ number: '', kind: 'cell' }],
    whatsapp: contact?.whatsapp ?? '',
    outlet: contact?.outlet ? { mode: 'existing', outletId: contact.outlet.id } : { mode: 'none' },
    role: contact?.role ?? '',
    languages: contact?.languages.join(', ') ?? '',
    timeZone: contact?.timeZone ?? '',
    country: contact?.country ?? '',
    preferredChannel: (contact?.preferredChannel as Channel | null) ?? '',
    notes: contact?.notes ?? '',
    tags: contact?.tags.join(', ') ?? '',
    source: contact?.source ?? '',
    lawfulBasis: (contact?.lawfulBasis as LawfulBasis | null) ?? 'legitimate_interest',
    doNotContact: contact?.doNotContact ?? false,
  };
}

const list = (text: string, separator: RegExp) => text.split(separator).map((part) => part.trim()).filter(Boolean);
const orNull = (text: string) => text.trim() || null;

/** The procedure input for this draft; `outletId` is the outlet already resolved (created if new). */
export function inputOf(draft: Draft, outletId: string | null) {
  return {
    name: draft.name,
    emails: draft.emails.map((email) => email.trim()).filter(Boolean),
    phones: draft.phones.filter((phone) => phone.number.trim()).map((phone) => ({ number: phone.number.trim(), kind: phone.kind })),
    whatsapp: orNull(draft.whatsapp),
    outletId,
    role: orNull(draft.role),
    languages: list(draft.languages, /[\s,;]+/),
    timeZone: orNull(draft.timeZone),
    country: orNull(draft.country),
    preferredChannel: draft.preferredChannel || null,
    notes: orNull(draft.notes),
    tags: list(draft.tags, /\s*[,;]\s*/),
    source: orNull(draft.source),
    lawfulBasis: draft.lawfulBasis,
    doNotContact: draft.doNotContact,
  };
}

/** The draft row of each input row: blank rows are left out of the input, so "phones.0" is the first filled phone. */
function draftRows<T>(rows: T[], filled: (row: T) => boolean): number[] {
  return rows.flatMap((row, index) => (filled(row) ? [index] : []));
}

/**
 * The server's field errors keyed by the draft's fields: list rows renumbered
 * to the draft's rows ("phones.0.number" → the row the person typed it in),
 * errors on one language or tag shown at the whole field.
 */
export function draftErrorsOf(fields: Record<string, string[]>, draft: Draft): Record<string, string[]> {
  const emailRows = draftRows(draft.emails, (email) => email.trim() !== '');
  const phoneRows = draftRows(draft.phones, (phone) => phone.number.trim() !== '');
  const mapped: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const [field, index, ...rest] = key.split('.');
    let target = key;
    if (field === 'emails' && index !== undefined) target = `emails.${emailRows[Number(index)] ?? index}`;
    else if (field === 'phones' && index !== undefined) target = ['phones', phoneRows[Number(index)] ?? index, ...rest].join('.');
    else if (field === 'languages' || field === 'tags') target = field;
    (mapped[target] ??= []).push(...messages);
  }
  return mapped;
}

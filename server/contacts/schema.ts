// zod schemas for the media list: contacts.* and outlets.* inputs.
import { z } from 'zod';
import { fileText, httpUrlSchema, idSchema, languageTagSchema, multiLineText, nameText, oneLineText, opaqueText, timeZoneSchema } from '../common/schema';
import { emailSchema } from '../auth/schema';
import { phoneSchema } from './normalize-phone';
import { contactFields } from './suggest-column-mapping';
import { phoneKinds } from './vcard';

/** Longest free text in one field (names, roles) and in notes. */
const MAX_SHORT_TEXT = 200;
const MAX_NOTES = 5_000;
/** A contact has a handful of addresses, numbers, languages and tags; caps keep junk out. */
const MAX_LIST_ITEMS = 20;
/** Largest page of contacts one call returns. */
export const MAX_PAGE_SIZE = 200;
/**
 * Largest CSV or vCard text one call accepts (about 30,000 typical rows).
 * Over HTTP the server's JSON body limit (server/app.ts) is lower; callers
 * upload large files in parts there.
 */
export const MAX_IMPORT_TEXT = 5_000_000;

export const outletKinds = ['print', 'online', 'tv', 'radio', 'wire', 'podcast'] as const;
export const outletKindSchema = z.enum(outletKinds, { error: `Use one of ${outletKinds.join(', ')}` });
export const lawfulBases = ['consent', 'legitimate_interest', 'contract'] as const;
export const preferredChannels = ['email', 'phone', 'whatsapp'] as const;

/** ISO 3166-1 alpha-2, uppercased. */
export const countryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, { error: 'Use a two-letter country code such as CH or FR' })
  .transform((value) => value.toUpperCase());

const shortText = oneLineText().max(MAX_SHORT_TEXT);
const tagSchema = oneLineText().min(1, 'A tag cannot be empty').max(50);

export const contactPhoneInput = z.object({
  number: phoneSchema,
  kind: z.enum(phoneKinds).default('cell'),
});

const contactFieldsInput = {
  name: nameText().min(1, 'Enter a name').max(MAX_SHORT_TEXT),
  /** The first address is the primary one. */
  emails: z.array(emailSchema).max(MAX_LIST_ITEMS).optional(),
  /** The first number is the primary one. */
  phones: z.array(contactPhoneInput).max(MAX_LIST_ITEMS).optional(),
  whatsapp: phoneSchema.nullish(),
  outletId: idSchema.nullish(),
  role: shortText.nullish(),
  languages: z.array(languageTagSchema).max(MAX_LIST_ITEMS).optional(),
  timeZone: timeZoneSchema.nullish(),
  country: countryCodeSchema.nullish(),
  preferredChannel: z.enum(preferredChannels).nullish(),
  notes: multiLineText().max(MAX_NOTES).nullish(),
  tags: z.array(tagSchema).max(MAX_LIST_ITEMS).optional(),
  source: shortText.nullish(),
  lawfulBasis: z.enum(lawfulBases).nullish(),
  doNotContact: z.boolean().optional(),
};

export const createContactInput = z.object(contactFieldsInput);
export const updateContactInput = z.object({ id: idSchema, ...contactFieldsInput, name: contactFieldsInput.name.optional() });
export const contactIdInput = z.object({ id: idSchema });
export const archiveContactInput = z.object({ id: idSchema, archived: z.boolean().default(true) });
const mergeChoice = z.enum(['survivor', 'duplicate'], { error: 'Choose survivor or duplicate' });
export const mergeContactsInput = z
  .object({
    survivorId: idSchema,
    duplicateId: idSchema,
    /**
     * Which record each field comes from. Absent: the survivor's value, or the
     * duplicate's where the survivor has none. Notes may also be "both" (the
     * default: joined). Emails, phones, languages and tags are always combined.
     */
    fields: z
      .object({
        name: mergeChoice.optional(),
        outlet: mergeChoice.optional(),
        role: mergeChoice.optional(),
        timeZone: mergeChoice.optional(),
        country: mergeChoice.optional(),
        whatsapp: mergeChoice.optional(),
        preferredChannel: mergeChoice.optional(),
        /** The lawful basis with its date and the source, as one fact. */
        lawfulBasis: mergeChoice.optional(),
        notes: z.enum(['survivor', 'duplicate', 'both'], { error: 'Choose survivor, duplicate or both' }).optional(),
      })
      .strict()
      .default({}),
  })
  .refine((input) => input.survivorId !== input.duplicateId, { error: 'Choose two different contacts', path: ['duplicateId'] });

export const contactFiltersInput = z.object({
  /** Word prefixes of name, email, outlet, beat or tag; accents and case do not matter. */
  query: oneLineText().max(MAX_SHORT_TEXT).optional(),
  outletId: idSchema.optional(),
  /** A word (or word prefix) of the role/beat. */
  role: shortText.optional(),
  language: languageTagSchema.optional(),
  country: countryCodeSchema.optional(),
  tag: tagSchema.optional(),
  includeArchived: z.boolean().default(false),
});

export const listContactsInput = contactFiltersInput.extend({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  /** `nextCursor` of the previous page. */
  cursor: opaqueText().max(500).optional(),
});

export const exportContactsInput = contactFiltersInput.extend({
  /** Export these contacts only (e.g. one card); otherwise everything the filters match. */
  ids: z.array(idSchema).max(10_000).optional(),
});

export const duplicatesInput = z.object({ contactId: idSchema.optional() });

export const retentionReviewInput = z.object({
  /** No request and no new record for this many months. */
  months: z.number().int().min(1).max(240),
  limit: z.number().int().min(1).max(1_000).default(200),
});

const countryCodeForPhones = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter country code such as CH' })
  .optional();

/** A client-made id (a UUID) naming an import, so the console can ask for its progress (contacts.importStatus). */
const importJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { error: 'Use 8–100 letters, digits, - or _ (a random UUID works)' });

export const importStatusInput = z.object({ jobId: importJobIdSchema });

export const importCsvInput = z.object({
  jobId: importJobIdSchema.optional(),
  csv: fileText().max(MAX_IMPORT_TEXT),
  /** Header name → field; omitted: the suggested mapping (see contacts.previewCsv). */
  mapping: z.record(opaqueText().max(500), z.enum(contactFields).nullable()).optional(),
  /** For numbers written without a country code. */
  defaultCountry: countryCodeForPhones,
  /** Report what would happen without writing anything. */
  dryRun: z.boolean().default(false),
  source: shortText.optional(),
  lawfulBasis: z.enum(lawfulBases).default('legitimate_interest'),
});

export const previewCsvInput = z.object({ csv: fileText().max(MAX_IMPORT_TEXT), sampleRows: z.number().int().min(0).max(50).default(5) });

export const importVCardInput = z.object({
  jobId: importJobIdSchema.optional(),
  vcf: fileText().max(MAX_IMPORT_TEXT),
  defaultCountry: countryCodeForPhones,
  dryRun: z.boolean().default(false),
  source: shortText.optional(),
  lawfulBasis: z.enum(lawfulBases).default('legitimate_interest'),
});

export const createOutletInput = z.object({
  name: nameText().min(1, 'Enter a name').max(MAX_SHORT_TEXT),
  kind: outletKindSchema,
  country: countryCodeSchema.nullish(),
  language: languageTagSchema.nullish(),
  website: httpUrlSchema(500).nullish(),
});
export const updateOutletInput = createOutletInput.partial().extend({ id: idSchema });
export const listOutletsInput = z.object({ query: oneLineText().max(MAX_SHORT_TEXT).optional() }).default({});

export type CreateContactInput = z.output<typeof createContactInput>;
export type UpdateContactInput = z.output<typeof updateContactInput>;
export type ContactFilters = z.output<typeof contactFiltersInput>;
export type ListContactsInput = z.output<typeof listContactsInput>;
export type MergeContactsInput = z.output<typeof mergeContactsInput>;

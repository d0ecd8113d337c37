// contacts.previewCsv and contacts.importCsv.
import { emailSchema } from '../auth/schema';
import { languageTagSchema, timeZoneSchema } from '../common/schema';
import { AppError } from '../errors';
import type { ContactContext } from './contact-record';
import { distinct } from './contact-record';
import { parseCsvInSlices } from './csv';
import { contactFields, suggestColumnMapping, type ContactField } from './suggest-column-mapping';
import { createPauser } from '../common/yield-to-event-loop';
import { noProgress, type ProgressReporter } from './import-progress';
import { screenImportedText } from './imported-text';
import { normalizePhone, type CountryCode } from './normalize-phone';
import { saveImportedContacts, type ImportCandidate, type ImportReport, type ImportRowReport } from './save-imported-contacts';

/** Longest name, outlet or role an import accepts (as contacts.create). */
const MAX_SHORT_TEXT = 200;
const MAX_NOTES = 5_000;
/** Lists inside one cell ("en, fr", "climate; energy") are split on these. */
const LIST_SEPARATOR = /\s*[,;|]\s*/;

export type ColumnMapping = Record<string, ContactField | null>;

/**
 * What an import of this CSV would read: the header, the detected delimiter,
 * the suggested column → field mapping, and the first rows as mapped, so a
 * person can correct the mapping before importing. Writes nothing.
 */
export async function previewContactsCsv(input: { csv: string; sampleRows: number }) {
  const parsed = await parseCsvInSlices(input.csv, { pause: createPauser() });
  if (parsed.header.length === 0) throw new AppError('VALIDATION_FAILED', 'This file is empty.', { details: { field: 'csv' } });
  const mapping = suggestColumnMapping(parsed.header);
  return {
    header: parsed.header,
    delimiter: parsed.delimiter,
    rowCount: parsed.rows.length,
    fields: contactFields,
    mapping,
    sample: parsed.rows.slice(0, input.sampleRows).map((row) => ({ line: row.line, values: mapRow(parsed.header, mapping, row.values) })),
  };
}

function mapRow(header: string[], mapping: ColumnMapping, values: string[]): Partial<Record<ContactField, string>> {
  const mapped: Partial<Record<ContactField, string>> = {};
  header.forEach((name, column) => {
    const field = mapping[name];
    const value = values[column]?.trim() ?? '';
    if (!field || value === '') return;
    mapped[field] = mapped[field] ? `${mapped[field]}, ${value}` : value;
  });
  return mapped;
}

/**
 * Reads one mapped row into a candidate, or the reasons it cannot be imported
 * (every problem in the row, each naming its field and value).
 */
export function readCsvRow(mapped: Partial<Record<ContactField, string>>, defaultCountry: CountryCode | undefined): { candidate: Omit<ImportCandidate, 'line'> } | { reasons: string[] } {
  const reasons: string[] = [];
  const name = (mapped.name ?? [mapped.givenName, mapped.familyName].filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
  if (name === '') reasons.push('No name');
  else if (name.length > MAX_SHORT_TEXT) reasons.push(`Name: longer than ${MAX_SHORT_TEXT} characters`);
  const emails: string[] = [];
  for (const value of split(mapped.email)) {
    const result = emailSchema.safeParse(value);
    if (result.success) emails.push(result.data);
    else reasons.push(`Email: "${value}" is not a valid email address`);
  }
  const phones: ImportCandidate['phones'] = [];
  for (const value of split(mapped.phone, /\s*[;|]\s*/)) {
    const result = normalizePhone(value, defaultCountry ? { defaultCountry } : {});
    if ('e164' in result) phones.push({ e164: result.e164, kind: 'cell' });
    else reasons.push(`Phone: ${result.error} ("${value}")`);
  }
  let whatsapp: string | null = null;
  if (mapped.whatsapp) {
    const result = normalizePhone(mapped.whatsapp, defaultCountry ? { defaultCountry } : {});
    if ('e164' in result) whatsapp = result.e164;
    else reasons.push(`WhatsApp: ${result.error} ("${mapped.whatsapp}")`);
  }
  const languages: string[] = [];
  for (const value of split(mapped.languages, /\s*[,;|/ ]\s*/)) {
    const result = languageTagSchema.safeParse(value);
    if (result.success) languages.push(result.data);
    else reasons.push(`Languages: "${value}" is not a language tag such as en or fr-CH`);
  }
  let country: string | null = null;
  if (mapped.country) {
    if (/^[A-Za-z]{2}$/.test(mapped.country)) country = mapped.country.toUpperCase();
    else reasons.push(`Country: use a two-letter code such as CH, not "${mapped.country}"`);
  }
  let timeZone: string | null = null;
  if (mapped.timeZone) {
    const result = timeZoneSchema.safeParse(mapped.timeZone);
    if (result.success) timeZone = result.data;
    else reasons.push(`Time zone: "${mapped.timeZone}" is not an IANA zone such as Europe/Zurich`);
  }
  for (const [field, value] of [['Outlet', mapped.outlet], ['Role', mapped.role]] as const) {
    if (value && value.length > MAX_SHORT_TEXT) reasons.push(`${field}: longer than ${MAX_SHORT_TEXT} characters`);
  }
  if (mapped.notes && mapped.notes.length > MAX_NOTES) reasons.push(`Notes: longer than ${MAX_NOTES} characters`);
  if (reasons.length > 0) return { reasons };
  return screenImportedText({
      name,
      emails: distinct(emails),
      phones: distinct(phones, (phone) => phone.e164),
      whatsapp,
      outletName: mapped.outlet ?? null,
      role: mapped.role ?? null,
      languages: distinct(languages),
      country,
      timeZone,
      notes: mapped.notes ?? null,
      tags: distinct(split(mapped.tags)),
  });
}

function split(value: string | undefined, separator: RegExp = LIST_SEPARATOR): string[] {
  return (value ?? '').split(separator).map((part) => part.trim()).filter(Boolean);
}

/**
 * Imports media contacts from CSV with the given (or suggested) mapping and
 * reports every row: created, updated, unchanged, skipped (with reasons: an
 * invalid value, a repeated address, an erased person) or failed. Atomic per
 * batch of IMPORT_BATCH_SIZE rows (see save-imported-contacts.ts); `dryRun`
 * reports the same without writing. Idempotent: a second import of the same
 * file reports every row unchanged.
 */
export async function importContactsCsv(
  context: ContactContext,
  input: { csv: string; mapping?: ColumnMapping; defaultCountry?: string; dryRun: boolean; source?: string; lawfulBasis: string },
  progress: ProgressReporter = noProgress,
): Promise<ImportReport & { mapping: ColumnMapping }> {
  // In slices: a 60,000-row file takes seconds of CPU, and other requests must be answered meanwhile.
  const pause = createPauser();
  const parsed = await parseCsvInSlices(input.csv, { pause, onRecord: (count) => progress.update('reading', count) });
  if (parsed.header.length === 0) throw new AppError('VALIDATION_FAILED', 'This file is empty.', { details: { field: 'csv' } });
  const mapping = input.mapping ?? suggestColumnMapping(parsed.header);
  const unknown = Object.keys(mapping).filter((name) => mapping[name] && !parsed.header.includes(name));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `The mapping names columns the file does not have: ${unknown.join(', ')}`, { details: { field: 'mapping' } });
  const mappedFields = new Set(Object.values(mapping));
  if (!mappedFields.has('name') && !(mappedFields.has('givenName') || mappedFields.has('familyName'))) {
    throw new AppError('VALIDATION_FAILED', 'Map a column to the name (or to first and last name) before importing.', { details: { field: 'mapping' } });
  }
  const candidates: ImportCandidate[] = [];
  const invalid: ImportRowReport[] = [];
  progress.update('checking', 0, parsed.rows.length);
  for (const [index, row] of parsed.rows.entries()) {
    await pause();
    if (index % 1_000 === 0) progress.update('checking', index);
    const reasons: string[] = [];
    if (row.values.length > parsed.header.length && row.values.slice(parsed.header.length).some((value) => value.trim() !== '')) {
      reasons.push(`This row has ${row.values.length} values but the header has ${parsed.header.length} columns; check for an unquoted delimiter`);
    }
    const result = readCsvRow(mapRow(parsed.header, mapping, row.values), input.defaultCountry as CountryCode | undefined);
    if ('reasons' in result) reasons.push(...result.reasons);
    if (reasons.length > 0) invalid.push({ line: row.line, status: 'skipped', reasons });
    else if ('candidate' in result) candidates.push({ line: row.line, ...result.candidate });
  }
  const report = await saveImportedContacts(context, {
    candidates, invalid, dryRun: input.dryRun, format: 'csv',
    source: input.source ?? 'CSV import', lawfulBasis: input.lawfulBasis,
  }, { pause, progress });
  return { ...report, mapping };
}

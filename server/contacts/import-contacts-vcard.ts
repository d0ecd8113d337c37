// contacts.importVCard: vCard 2.1/3.0/4.0 files into the media list.
import type { ContactContext } from './contact-record';
import type { CountryCode } from './normalize-phone';
import { saveImportedContacts, type ImportCandidate, type ImportReport, type ImportRowReport } from './save-imported-contacts';
import { parseVCardsInSlices } from './vcard';
import { createPauser } from '../common/yield-to-event-loop';
import { noProgress, type ProgressReporter } from './import-progress';
import { screenImportedText } from './imported-text';

/**
 * Imports every card of a vCard file (one contact or a whole address book)
 * and reports each card by its 1-based position ("line" in the report): a
 * card is imported exactly as written or skipped with every problem in it.
 * Matching, updates, opt-outs of erased people, batches and `dryRun` work as
 * for CSV (see save-imported-contacts.ts).
 */
export async function importContactsVCard(
  context: ContactContext,
  input: { vcf: string; defaultCountry?: string; dryRun: boolean; source?: string; lawfulBasis: string },
  progress: ProgressReporter = noProgress,
): Promise<ImportReport> {
  // In slices: a large address book takes seconds of CPU, and other requests must be answered meanwhile.
  const pause = createPauser();
  const parsed = await parseVCardsInSlices(input.vcf, {
    ...(input.defaultCountry ? { defaultCountry: input.defaultCountry as CountryCode } : {}),
    pause,
    onCard: (count, total) => progress.update('checking', count, total),
  });
  const invalid = new Map<number, ImportRowReport>();
  for (const error of parsed.errors) {
    const line = error.index + 1;
    const report = invalid.get(line) ?? { line, status: 'skipped' as const, reasons: [] };
    report.reasons!.push(error.name ? `${error.name}: ${error.message}` : error.message);
    invalid.set(line, report);
  }
  const candidates: ImportCandidate[] = [];
  for (const card of parsed.contacts) {
    const line = card.index + 1;
    const screened = screenImportedText({
      line,
      name: card.name,
      emails: card.emails.map((email) => email.toLowerCase()),
      phones: card.phones,
      whatsapp: card.whatsapp ?? null,
      outletName: card.outlet ?? null,
      role: card.role ?? null,
      languages: card.languages,
      country: card.country ?? null,
      timeZone: card.timeZone ?? null,
      notes: card.notes ?? null,
      tags: card.tags,
    });
    if ('candidate' in screened) candidates.push(screened.candidate);
    else invalid.set(line, { line, status: 'skipped', reasons: [...(invalid.get(line)?.reasons ?? []), ...screened.reasons] });
  }
  return saveImportedContacts(context, {
    candidates,
    invalid: [...invalid.values()],
    dryRun: input.dryRun,
    format: 'vcard',
    source: input.source ?? 'vCard import',
    lawfulBasis: input.lawfulBasis,
  }, { pause, progress });
}

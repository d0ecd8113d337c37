// contacts.*: the media list, for press officers (see README "Media list").
import type { SessionUser } from '../auth/schema';
import type { Context } from '../context';
import { pressOfficerProcedure, router } from '../trpc';
import type { ContactContext } from '../contacts/contact-record';
import { archiveContact, createContact, updateContact } from '../contacts/manage-contact';
import { searchContacts } from '../contacts/search-contacts';
import { getContact } from '../contacts/get-contact';
import { mergeContacts } from '../contacts/merge-contacts';
import { findDuplicateContacts } from '../contacts/find-duplicate-contacts';
import { eraseContact } from '../contacts/erase-contact';
import { exportContactData } from '../contacts/export-contact-data';
import { reviewRetention } from '../contacts/review-retention';
import { importContactsCsv, previewContactsCsv } from '../contacts/import-contacts-csv';
import { importContactsVCard } from '../contacts/import-contacts-vcard';
import { readImportProgress, trackImport, type ProgressReporter } from '../contacts/import-progress';
import { exportContactsCsv, exportContactsVCard } from '../contacts/export-contacts';
import {
  archiveContactInput,
  contactIdInput,
  createContactInput,
  duplicatesInput,
  exportContactsInput,
  importCsvInput,
  importStatusInput,
  importVCardInput,
  listContactsInput,
  mergeContactsInput,
  previewCsvInput,
  retentionReviewInput,
  updateContactInput,
} from '../contacts/schema';

export function contactContext(ctx: Context & { user: SessionUser }): ContactContext {
  return { db: ctx.db, actor: { type: 'user', id: ctx.user.id }, ip: ctx.ip, now: ctx.now(), provider: ctx.database.provider };
}

/** Runs an import, marking its job failed if it throws. */
async function withProgress<T>(progress: ProgressReporter, work: (progress: ProgressReporter) => Promise<T>): Promise<T> {
  try {
    return await work(progress);
  } catch (error) {
    progress.update('failed');
    throw error;
  }
}

export const contactsRouter = router({
  list: pressOfficerProcedure.input(listContactsInput).query(({ ctx, input }) => searchContacts(contactContext(ctx), input)),
  get: pressOfficerProcedure.input(contactIdInput).query(({ ctx, input }) => getContact({ db: ctx.db, id: input.id, now: ctx.now() })),
  create: pressOfficerProcedure.input(createContactInput).mutation(({ ctx, input }) => createContact(contactContext(ctx), input)),
  update: pressOfficerProcedure.input(updateContactInput).mutation(({ ctx, input }) => updateContact(contactContext(ctx), input)),
  archive: pressOfficerProcedure.input(archiveContactInput).mutation(({ ctx, input }) => archiveContact(contactContext(ctx), input)),
  merge: pressOfficerProcedure.input(mergeContactsInput).mutation(({ ctx, input }) => mergeContacts(contactContext(ctx), input)),
  duplicates: pressOfficerProcedure.input(duplicatesInput).query(({ ctx, input }) => findDuplicateContacts({ db: ctx.db, contactId: input.contactId })),
  previewCsv: pressOfficerProcedure.input(previewCsvInput).mutation(({ input }) => previewContactsCsv(input)),
  importCsv: pressOfficerProcedure.input(importCsvInput).mutation(({ ctx, input }) =>
    withProgress(trackImport({ ownerId: ctx.user.id, jobId: input.jobId, format: 'csv', dryRun: input.dryRun }), (progress) => importContactsCsv(contactContext(ctx), input, progress)),
  ),
  importVCard: pressOfficerProcedure.input(importVCardInput).mutation(({ ctx, input }) =>
    withProgress(trackImport({ ownerId: ctx.user.id, jobId: input.jobId, format: 'vcard', dryRun: input.dryRun }), (progress) => importContactsVCard(contactContext(ctx), input, progress)),
  ),
  /** How far the caller's import named `jobId` has got (poll while importCsv/importVCard is pending); null when unknown. */
  importStatus: pressOfficerProcedure.input(importStatusInput).query(({ ctx, input }) => readImportProgress(ctx.user.id, input.jobId)),
  // Exports write an audit event, so they are mutations: POST only, Origin-checked like every
  // change (a GET could be triggered by any page the press officer visits), never cached.
  exportCsv: pressOfficerProcedure.input(exportContactsInput).mutation(({ ctx, input }) => exportContactsCsv(contactContext(ctx), input)),
  exportVCard: pressOfficerProcedure.input(exportContactsInput).mutation(({ ctx, input }) => exportContactsVCard(contactContext(ctx), input)),
  exportPersonalData: pressOfficerProcedure.input(contactIdInput).mutation(({ ctx, input }) => exportContactData(contactContext(ctx), input)),
  erase: pressOfficerProcedure.input(contactIdInput).mutation(({ ctx, input }) => eraseContact(contactContext(ctx), input)),
  retentionReview: pressOfficerProcedure.input(retentionReviewInput).query(({ ctx, input }) => reviewRetention(contactContext(ctx), input)),
});

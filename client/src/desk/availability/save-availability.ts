// Saving the availability editor's draft: the whole draft is checked first
// (the preview validates with the same rules and writes nothing), then each
// changed part is saved on its own: settings, weekly hours and overrides,
// removed and new time off. What fails stays in the form with its message, so
// nothing typed is lost.
import type { api } from '../../api/trpc';
import { formatDateTime } from '../../time';
import {
  availabilityInput,
  blankFieldErrors,
  draftFromRecord,
  mergeErrors,
  newTimeOffInput,
  readProblem,
  remapTimeOffErrors,
  settingsInput,
  type Draft,
  type DraftTimeOff,
  type FieldErrors,
  type ManagedSpokesperson,
} from './availability-draft';
import type { PreviewRequest } from './availability-preview';

export interface SaveOutcome {
  /** The record as saved, and the form's next baseline and draft (null when nothing was saved). */
  saved: { record: ManagedSpokesperson; baseline: Draft; draft: Draft } | null;
  errors: FieldErrors;
  /** Lines for the alert; empty when all went well. */
  summary: string[];
  /** True when every change was saved. */
  complete: boolean;
}

export async function saveAvailability(options: { client: typeof api; record: ManagedSpokesperson; draft: Draft; baseline: Draft; preview: PreviewRequest }): Promise<SaveOutcome> {
  const { client, record, draft, baseline } = options;
  const zone = record.timeZone;
  const blanks = blankFieldErrors(draft);
  if (Object.keys(blanks).length > 0) return { saved: null, errors: blanks, summary: ['Nothing was saved: fill in the marked fields.'], complete: false };
  try {
    await client.spokespeople.previewAvailability.query(options.preview.input);
  } catch (error) {
    const problem = readProblem(error);
    return {
      saved: null,
      errors: remapTimeOffErrors(problem.fieldErrors, options.preview.draftIndex),
      summary: [problem.appCode === 'VALIDATION_FAILED' ? 'Nothing was saved: correct the marked fields.' : `Nothing was saved: ${problem.message}`, ...problem.formErrors],
      complete: false,
    };
  }
  const failures: string[] = [];
  const fieldErrors: FieldErrors[] = [];
  let settingsSaved = true;
  if (JSON.stringify(settingsInput(draft)) !== JSON.stringify(settingsInput(baseline))) {
    try {
      await client.spokespeople.update.mutate({ id: record.id, ...settingsInput(draft) });
    } catch (error) {
      const problem = readProblem(error);
      settingsSaved = false;
      fieldErrors.push(problem.fieldErrors);
      failures.push(`Booking settings: ${problem.message}`);
    }
  }
  let hoursSaved = true;
  if (JSON.stringify(availabilityInput(record.id, draft)) !== JSON.stringify(availabilityInput(record.id, baseline))) {
    try {
      await client.spokespeople.setAvailability.mutate(availabilityInput(record.id, draft));
    } catch (error) {
      const problem = readProblem(error);
      hoursSaved = false;
      fieldErrors.push(problem.fieldErrors);
      failures.push(`Weekly hours and date overrides: ${problem.message}`);
    }
  }
  const keptIds = new Set(draft.timeOff.flatMap((entry) => (entry.saved ? [entry.saved.id] : [])));
  for (const entry of baseline.timeOff) {
    if (!entry.saved || keptIds.has(entry.saved.id)) continue;
    try {
      await client.spokespeople.removeTimeOff.mutate({ spokespersonId: record.id, timeOffId: entry.saved.id });
    } catch (error) {
      failures.push(`Removing time off from ${formatDateTime(entry.saved.start, zone)}: ${readProblem(error).message}`);
    }
  }
  const unsaved: { entry: DraftTimeOff; errors: FieldErrors }[] = [];
  for (const entry of draft.timeOff) {
    if (entry.saved) continue;
    try {
      await client.spokespeople.addTimeOff.mutate({ spokespersonId: record.id, ...newTimeOffInput(entry, zone) });
    } catch (error) {
      const problem = readProblem(error);
      // Field names of addTimeOff ("end"), or the whole entry (e.g. it overlaps an interview).
      const entryErrors = Object.keys(problem.fieldErrors).length > 0 ? problem.fieldErrors : { '': [problem.message] };
      unsaved.push({ entry, errors: entryErrors });
      failures.push(`Time off from ${entry.startLocal.replace('T', ' ')}: ${problem.message}`);
    }
  }
  const fresh = await client.spokespeople.getManaged.query({ id: record.id });
  const savedDraft = draftFromRecord(fresh);
  const next: Draft = {
    ...savedDraft,
    ...(hoursSaved ? {} : { weekly: draft.weekly, overrides: draft.overrides }),
    ...(settingsSaved ? {} : { bufferBefore: draft.bufferBefore, bufferAfter: draft.bufferAfter, notice: draft.notice, cap: draft.cap }),
    timeOff: [...savedDraft.timeOff, ...unsaved.map(({ entry }) => entry)],
  };
  const entryErrors: FieldErrors = {};
  unsaved.forEach(({ errors: messages }, position) => {
    const row = savedDraft.timeOff.length + position;
    for (const [key, list] of Object.entries(messages)) entryErrors[key ? `timeOff.${row}.${key}` : `timeOff.${row}`] = list;
  });
  return {
    saved: { record: fresh, baseline: savedDraft, draft: next },
    errors: mergeErrors(...fieldErrors, entryErrors),
    summary: failures.length > 0 ? ['Some changes were not saved:', ...failures] : [],
    complete: failures.length === 0,
  };
}

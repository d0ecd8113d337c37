// The availability editor's draft: what the form holds, how it is built from
// the saved record, and how it becomes the server's inputs. Pure functions, so
// the page stays about rendering. Field-error keys are the server's dotted
// input paths ("weeklyRules.3.end", "timeOff.1.end"), because the draft is sent
// in the order it is kept: index N in the form is index N in the input.
import { TRPCClientError } from '@trpc/client';
import type { api } from '../../api/trpc';
import { wallTimeToInstant } from '../../time';

export type ManagedSpokesperson = Awaited<ReturnType<typeof api.spokespeople.getManaged.query>>;

export interface DraftRange {
  key: string;
  start: string;
  end: string;
}
export interface DraftWeeklyRange extends DraftRange {
  weekday: number;
}
export interface DraftOverride {
  key: string;
  date: string;
  unavailable: boolean;
  ranges: DraftRange[];
  note: string;
}
/** Saved time off is shown as it is (remove only); new entries are edited as wall-clock times in the spokesperson's zone. */
export type DraftTimeOff =
  | { key: string; saved: { id: string; start: string; end: string; reason: string | null } }
  | { key: string; saved?: undefined; startLocal: string; endLocal: string; reason: string };

export interface Draft {
  weekly: DraftWeeklyRange[];
  overrides: DraftOverride[];
  timeOff: DraftTimeOff[];
  bufferBefore: string;
  bufferAfter: string;
  notice: string;
  /** Empty: no daily limit. */
  cap: string;
}

let lastKey = 0;
/** A React key for a new row. */
export function newKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function draftFromRecord(record: ManagedSpokesperson): Draft {
  return {
    weekly: record.weeklyRules.map((rule) => ({ key: newKey(), weekday: rule.weekday, start: rule.start, end: rule.end })),
    overrides: record.overrides.map((override) => ({
      key: newKey(),
      date: override.date,
      unavailable: override.ranges.length === 0,
      ranges: override.ranges.map((range) => ({ key: newKey(), start: range.start, end: range.end })),
      note: override.note ?? '',
    })),
    timeOff: record.timeOff.map((entry) => ({ key: newKey(), saved: entry })),
    bufferBefore: String(record.bufferBeforeMinutes),
    bufferAfter: String(record.bufferAfterMinutes),
    notice: String(record.minimumNoticeMinutes),
    cap: record.maxPerDay === null ? '' : String(record.maxPerDay),
  };
}

/** A comparable form of the draft (no React keys), for "unsaved changes". */
export function draftSignature(draft: Draft): string {
  return JSON.stringify({
    weekly: draft.weekly.map(({ weekday, start, end }) => [weekday, start, end]),
    overrides: draft.overrides.map((override) => [override.date, override.unavailable, override.unavailable ? [] : override.ranges.map(({ start, end }) => [start, end]), override.note.trim()]),
    timeOff: draft.timeOff.map((entry) => (entry.saved ? entry.saved.id : [entry.startLocal, entry.endLocal, entry.reason])),
    settings: [draft.bufferBefore.trim(), draft.bufferAfter.trim(), draft.notice.trim(), draft.cap.trim()],
  });
}

export type FieldErrors = Record<string, string[]>;

/**
 * Blank fields, which the browser's own inputs can produce: said here rather
 * than sent, since the server would only see an empty string.
 */
export function blankFieldErrors(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const need = (key: string, value: string, message: string) => {
    if (value.trim() === '') errors[key] = [message];
  };
  draft.weekly.forEach((rule, index) => {
    need(`weeklyRules.${index}.start`, rule.start, 'Enter a start time');
    need(`weeklyRules.${index}.end`, rule.end, 'Enter an end time');
  });
  draft.overrides.forEach((override, index) => {
    need(`overrides.${index}.date`, override.date, 'Enter a date');
    if (!override.unavailable) {
      override.ranges.forEach((range, rangeIndex) => {
        need(`overrides.${index}.ranges.${rangeIndex}.start`, range.start, 'Enter a start time');
        need(`overrides.${index}.ranges.${rangeIndex}.end`, range.end, 'Enter an end time');
      });
    }
  });
  draft.timeOff.forEach((entry, index) => {
    if (entry.saved) return;
    need(`timeOff.${index}.start`, entry.startLocal, 'Enter a date and time');
    need(`timeOff.${index}.end`, entry.endLocal, 'Enter a date and time');
  });
  need('bufferBeforeMinutes', draft.bufferBefore, 'Enter a number of minutes (0 for none)');
  need('bufferAfterMinutes', draft.bufferAfter, 'Enter a number of minutes (0 for none)');
  need('minimumNoticeMinutes', draft.notice, 'Enter a number of minutes (0 for none)');
  return errors;
}

/** Numbers as typed; anything that is not a number is sent as is, so the server names the problem. */
function minutes(value: string): number {
  return Number(value.trim());
}

export function availabilityInput(spokespersonId: string, draft: Draft) {
  return {
    spokespersonId,
    weeklyRules: draft.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    overrides: draft.overrides.map((override) => ({
      date: override.date,
      ranges: override.unavailable ? [] : override.ranges.map(({ start, end }) => ({ start, end })),
      ...(override.note.trim() ? { note: override.note.trim() } : {}),
    })),
  };
}

export function settingsInput(draft: Draft) {
  return {
    bufferBeforeMinutes: minutes(draft.bufferBefore),
    bufferAfterMinutes: minutes(draft.bufferAfter),
    minimumNoticeMinutes: minutes(draft.notice),
    maxPerDay: draft.cap.trim() === '' ? null : minutes(draft.cap),
  };
}

/** A new entry's instants: its wall-clock times read in the spokesperson's zone. */
export function newTimeOffInput(entry: Extract<DraftTimeOff, { saved?: undefined }>, timeZone: string) {
  return {
    start: wallTimeToInstant(entry.startLocal, timeZone),
    end: wallTimeToInstant(entry.endLocal, timeZone),
    ...(entry.reason.trim() ? { reason: entry.reason.trim() } : {}),
  };
}

/**
 * The draft's time off for a preview of `[from, to)`: saved entries far from
 * the window cannot change it and are left out (a spokesperson's history can
 * outgrow what one preview may carry); new ones are always sent, so the server
 * checks them. `draftIndex[n]` is the form row of the n-th entry sent.
 */
export function previewTimeOff(draft: Draft, timeZone: string, window: { from: number; to: number }) {
  const margin = 86_400_000;
  const entries: { start: string; end: string; reason?: string }[] = [];
  const draftIndex: number[] = [];
  draft.timeOff.forEach((entry, index) => {
    if (entry.saved) {
      if (Date.parse(entry.saved.end) <= window.from - margin || Date.parse(entry.saved.start) >= window.to + margin) return;
      entries.push({ start: entry.saved.start, end: entry.saved.end, ...(entry.saved.reason ? { reason: entry.saved.reason } : {}) });
    } else {
      entries.push(newTimeOffInput(entry, timeZone));
    }
    draftIndex.push(index);
  });
  return { entries, draftIndex };
}

/** Renames "timeOff.<n>…" keys from positions in what was sent to form rows. */
export function remapTimeOffErrors(errors: FieldErrors, draftIndex: number[]): FieldErrors {
  const remapped: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const match = /^timeOff\.(\d+)(.*)$/.exec(key);
    const row = match ? draftIndex[Number(match[1])] : undefined;
    remapped[match && row !== undefined ? `timeOff.${row}${match[2]}` : key] = messages;
  }
  return remapped;
}

/** The error keys the form shows next to a field; any other message goes to the summary. */
export function fieldKeys(draft: Draft): Set<string> {
  const keys = new Set(['bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes', 'maxPerDay']);
  draft.weekly.forEach((_, index) => ['', '.weekday', '.start', '.end'].forEach((suffix) => keys.add(`weeklyRules.${index}${suffix}`)));
  draft.overrides.forEach((override, index) => {
    ['', '.date', '.note', '.ranges'].forEach((suffix) => keys.add(`overrides.${index}${suffix}`));
    override.ranges.forEach((_, rangeIndex) => ['', '.start', '.end'].forEach((suffix) => keys.add(`overrides.${index}.ranges.${rangeIndex}${suffix}`)));
  });
  draft.timeOff.forEach((_, index) => ['', '.start', '.end', '.reason'].forEach((suffix) => keys.add(`timeOff.${index}${suffix}`)));
  return keys;
}

export interface ServerProblem {
  appCode: string | undefined;
  message: string;
  fieldErrors: FieldErrors;
  formErrors: string[];
}

/** The documented error shape (README "Errors"), read from whatever the client threw. */
export function readProblem(error: unknown): ServerProblem {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { appCode?: string; fieldErrors?: FieldErrors; formErrors?: string[] };
    return { appCode: data.appCode, message: error.message, fieldErrors: data.fieldErrors ?? {}, formErrors: data.formErrors ?? [] };
  }
  return { appCode: undefined, message: error instanceof Error ? error.message : 'Something went wrong.', fieldErrors: {}, formErrors: [] };
}

/** Merges error maps, keeping each message once. */
export function mergeErrors(...maps: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const map of maps) {
    for (const [key, messages] of Object.entries(map)) {
      const list = (merged[key] ??= []);
      for (const message of messages) if (!list.includes(message)) list.push(message);
    }
  }
  return merged;
}

/** Today's date (YYYY-MM-DD) in a zone, plus `days`. */
export function localDate(timeZone: string, days = 0, now = Date.now()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

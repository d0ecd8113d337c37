// Progress of running imports, for the console's progress bar
// (contacts.importStatus). An import names its job with a client-made id
// (`jobId`, e.g. a UUID) and the console polls while the import call is
// pending. Kept in this process's memory: an import runs in the process that
// received it, and a progress bar is not worth a database write per slice.

export type ImportPhase = 'reading' | 'checking' | 'saving' | 'done' | 'failed';

export interface ImportProgress {
  jobId: string;
  format: 'csv' | 'vcard';
  dryRun: boolean;
  phase: ImportPhase;
  /** Rows (CSV records or vCards) read or saved so far in this phase. */
  processed: number;
  /** Rows in the file, once known (after reading); null while reading. */
  total: number | null;
  startedAt: string;
  updatedAt: string;
}

/** Jobs are forgotten this long after their last update; a bound on memory, not a contract. */
const KEEP_MS = 15 * 60_000;
/** Jobs remembered at once; the oldest go first. */
const MAX_JOBS = 200;

const jobs = new Map<string, ImportProgress & { ownerId: string; updatedMs: number }>();

function jobKey(ownerId: string, jobId: string): string {
  return `${ownerId}\u0000${jobId}`;
}

function prune(now: number) {
  for (const [key, job] of jobs) if (now - job.updatedMs > KEEP_MS) jobs.delete(key);
  while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

/** Reports progress of one import; a no-op reporter when the caller named no job. */
export interface ProgressReporter {
  /** `processed` left out: unchanged. */
  update(phase: ImportPhase, processed?: number, total?: number | null): void;
}

export const noProgress: ProgressReporter = { update() {} };

/** Starts tracking a job for `ownerId` (the signed-in user); a second start with the same id starts it over. */
export function trackImport(options: { ownerId: string; jobId?: string; format: 'csv' | 'vcard'; dryRun: boolean; now?: () => number }): ProgressReporter {
  const { ownerId, jobId } = options;
  if (!jobId) return noProgress;
  const clock = options.now ?? Date.now;
  const started = clock();
  prune(started);
  const key = jobKey(ownerId, jobId);
  jobs.delete(key);
  const job = {
    jobId,
    ownerId,
    format: options.format,
    dryRun: options.dryRun,
    phase: 'reading' as ImportPhase,
    processed: 0,
    total: null as number | null,
    startedAt: new Date(started).toISOString(),
    updatedAt: new Date(started).toISOString(),
    updatedMs: started,
  };
  jobs.set(key, job);
  return {
    update(phase, processed, total) {
      const now = clock();
      job.phase = phase;
      if (processed !== undefined) job.processed = processed;
      if (total !== undefined) job.total = total;
      job.updatedMs = now;
      job.updatedAt = new Date(now).toISOString();
    },
  };
}

/** The job's progress as its owner sees it, or null (unknown, someone else's, or forgotten). */
export function readImportProgress(ownerId: string, jobId: string): ImportProgress | null {
  const job = jobs.get(jobKey(ownerId, jobId));
  if (!job) return null;
  const { ownerId: _owner, updatedMs: _updated, ...progress } = job;
  return progress;
}

// Why a sync failed, as a closed set the console and the notices can explain.
export const syncErrorCodes = ['auth_failed', 'unreachable', 'server_error', 'not_found', 'malformed', 'unreadable_secret'] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export const syncErrorText: Record<SyncErrorCode, string> = {
  auth_failed: 'authentication failed (check the user name and app password)',
  unreachable: 'the server could not be reached',
  server_error: 'the server answered with an error',
  not_found: 'the calendar or feed address was not found',
  malformed: 'the answer was not a calendar (a login page or a broken feed)',
  unreadable_secret: 'the saved credentials cannot be decrypted (the server secret changed); enter them again',
};

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    detail?: string,
  ) {
    super(detail ? `${syncErrorText[code]}: ${detail}` : syncErrorText[code]);
  }
}

/** Bounds a slow server: a sync never hangs the worker. */
export const REMOTE_TIMEOUT_MS = 15_000;

/**
 * fetch that turns transport failures and error statuses into SyncFailure, so
 * a library that would read a 401 or a 500 as "no events" cannot.
 */
export const guardedFetch: typeof fetch = async (input, init) => {
  let response: Response;
  try {
    response = await fetch(input, { ...init, redirect: 'follow', signal: init?.signal ?? AbortSignal.timeout(REMOTE_TIMEOUT_MS) });
  } catch (error) {
    throw new SyncFailure('unreachable', (error as Error).cause ? String(((error as Error).cause as Error).message ?? '') : (error as Error).message);
  }
  if (response.status === 401 || response.status === 403) throw new SyncFailure('auth_failed', `HTTP ${response.status}`);
  if (response.status === 404 || response.status === 410) throw new SyncFailure('not_found', `HTTP ${response.status}`);
  if (response.status >= 500) throw new SyncFailure('server_error', `HTTP ${response.status}`);
  return response;
};

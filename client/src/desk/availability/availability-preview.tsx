// The live preview: the free times a draft would offer in the next days, in
// any zone, computed by the server's real engine (spokespeople.previewAvailability)
// and asked through TanStack Query once typing pauses.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { useTRPC } from '../../api/query';
import { ZonePicker } from '../../components/zone-picker';
import { formatDate, formatTime, zoneCity } from '../../time';
import { blankFieldErrors, readProblem, remapTimeOffErrors, type Draft, type FieldErrors } from './availability-draft';

export const PREVIEW_DAYS = 7;
/** Wait for typing to pause before asking for a new preview. */
const PREVIEW_DEBOUNCE_MS = 350;

type PreviewAnswer = inferRouterOutputs<AppRouter>['spokespeople']['previewAvailability'];
export type PreviewInput = inferRouterInputs<AppRouter>['spokespeople']['previewAvailability'];
/** What the preview asks, and where each sent time-off entry sits in the form. */
export interface PreviewRequest {
  input: PreviewInput;
  draftIndex: number[];
}

export type PreviewState =
  | { status: 'waiting' }
  | { status: 'ready'; data: PreviewAnswer }
  | { status: 'invalid'; messages: string[] }
  | { status: 'error'; message: string };

/**
 * The preview of `draft` (whose content `key` stands for): blank required
 * fields are marked at once without asking; otherwise the server is asked once
 * typing pauses, and its validation messages come back as field errors.
 */
export function useAvailabilityPreview(draft: Draft, key: string, request: (draft: Draft) => PreviewRequest) {
  const trpc = useTRPC();
  const blanks = blankFieldErrors(draft);
  const hasBlanks = Object.keys(blanks).length > 0;
  const [asked, setAsked] = useState<(PreviewRequest & { key: string }) | null>(null);
  useEffect(() => {
    if (hasBlanks) return;
    const timer = setTimeout(() => setAsked({ ...request(draft), key }), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the draft's content and the viewer's zone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, hasBlanks]);
  const query = useQuery({
    ...trpc.spokespeople.previewAvailability.queryOptions(asked?.input as PreviewInput),
    enabled: asked !== null && !hasBlanks,
    // A draft with a mistake stays wrong however often it is asked.
    retry: false,
    // The last free times stay on screen (dimmed) while the next answer comes.
    placeholderData: keepPreviousData,
  });
  if (hasBlanks) return { state: { status: 'invalid', messages: [] } as PreviewState, errors: blanks, updating: false };
  const updating = asked?.key !== key || query.isFetching;
  if (query.isError && asked) {
    const problem = readProblem(query.error);
    if (problem.appCode === 'VALIDATION_FAILED' && (Object.keys(problem.fieldErrors).length > 0 || problem.formErrors.length > 0)) {
      return { state: { status: 'invalid', messages: problem.formErrors } as PreviewState, errors: remapTimeOffErrors(problem.fieldErrors, asked.draftIndex), updating };
    }
    return { state: { status: 'error', message: problem.message } as PreviewState, errors: {} as FieldErrors, updating };
  }
  if (query.data) return { state: { status: 'ready', data: query.data } as PreviewState, errors: {} as FieldErrors, updating };
  return { state: { status: 'waiting' } as PreviewState, errors: {} as FieldErrors, updating };
}

export function Preview({ state, updating, viewerZone, onZone, spokespersonZone, isDirty, unplaced }: { state: PreviewState; updating: boolean; viewerZone: string; onZone: (zone: string) => void; spokespersonZone: string; isDirty: boolean; unplaced: string[] }) {
  const count = state.status === 'ready' ? state.data.days.reduce((total, day) => total + day.slots.length, 0) : 0;
  const summary =
    state.status === 'waiting' || (updating && state.status !== 'invalid')
      ? 'Updating the preview…'
      : state.status === 'ready'
        ? `${count} free ${count === 1 ? 'time' : 'times'} in the next ${PREVIEW_DAYS} days${isDirty ? ' with your unsaved changes' : ''}.`
        : state.status === 'invalid'
          ? 'The preview waits until the marked fields are corrected.'
          : '';
  return (
    <section aria-labelledby="preview-heading" className="card availability-preview">
      <h2 id="preview-heading">Preview: free times, {zoneCity(viewerZone)} time</h2>
      <p className="meta">
        What reporters would be offered in the next {PREVIEW_DAYS} days{isDirty ? ' once you save' : ''}
        {state.status === 'ready' ? `, for ${state.data.durationMinutes}-minute interviews` : ''}: start times, with {zoneCity(spokespersonZone)} time beside each.
      </p>
      <ZonePicker value={viewerZone} onChange={onZone} label="Show the preview in" />
      <p className="preview-status" aria-live="polite">{summary}</p>
      {state.status === 'error' && <p role="alert">Could not load the preview: {state.message}</p>}
      {state.status === 'invalid' && [...state.messages, ...unplaced].map((message) => <p key={message} className="field-error">{message}</p>)}
      {state.status === 'ready' &&
        (state.data.days.length === 0 ? (
          <p>No free times in the next {PREVIEW_DAYS} days.</p>
        ) : (
          <div className={`days${updating ? ' is-updating' : ''}`}>
            {state.data.days.map((day) => (
              <div key={day.date} className="day">
                <h3>{formatDate(day.date)}</h3>
                <ul className="preview-slots" aria-label={`Free times on ${formatDate(day.date)}`}>
                  {day.slots.map((slot) => (
                    <li key={slot.start}>
                      <time className="viewer-time" dateTime={slot.start}>
                        {formatTime(slot.start, viewerZone)}
                      </time>{' '}
                      <span className="other-time">
                        {formatTime(slot.spokesperson.start, spokespersonZone)} in {zoneCity(spokespersonZone)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}

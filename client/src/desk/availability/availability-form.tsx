import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/query';
import { browserTimeZone, formatLocalTimeNow, formatTime, zoneCity } from '../../time';
import { availabilityInput, draftFromRecord, draftSignature, fieldKeys, mergeErrors, previewTimeOff, readProblem, settingsInput, type Draft, type FieldErrors, type ManagedSpokesperson } from './availability-draft';
import { focusFirstInvalid } from './availability-fields';
import { Settings, WeeklyHours } from './availability-hours';
import { Overrides } from './availability-overrides';
import { TimeOff } from './availability-time-off';
import { Preview, PREVIEW_DAYS, useAvailabilityPreview } from './availability-preview';
import { saveAvailability } from './save-availability';

const DAY = 86_400_000;

/**
 * One spokesperson's weekly hours, booking rules, date overrides and time off,
 * edited as a draft in their own zone, with the preview beside it. `dirty`
 * tells the page whether leaving would lose changes.
 */
export function AvailabilityForm({ record: initial, dirty }: { record: ManagedSpokesperson; dirty: React.MutableRefObject<boolean> }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [record, setRecord] = useState(initial);
  const [baseline, setBaseline] = useState(() => draftFromRecord(initial));
  const [draft, setDraft] = useState(baseline);
  const [viewerZone, setViewerZone] = useState(browserTimeZone);
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  // Whole hours, fixed while the page is open, so the preview window does not move under the editor.
  const [window_] = useState(() => {
    const from = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return { from, to: from + PREVIEW_DAYS * DAY };
  });
  const zone = record.timeZone;
  const signature = draftSignature(draft);
  const isDirty = signature !== draftSignature(baseline);

  useEffect(() => {
    dirty.current = isDirty;
    return () => {
      dirty.current = false;
    };
  }, [isDirty, dirty]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const change = (update: (draft: Draft) => Draft) => {
    setDraft(update);
    // Save errors describe what was sent; once the draft changes the preview re-checks it.
    setSaveErrors({});
    setSummary([]);
    setStatus('');
  };

  /** The draft as previewAvailability takes it, and where each sent time-off entry sits in the form. */
  const previewRequest = (forDraft: Draft) => {
    const timeOff = previewTimeOff(forDraft, zone, window_);
    return {
      input: {
        ...availabilityInput(record.id, forDraft),
        timeOff: timeOff.entries,
        ...settingsInput(forDraft),
        from: new Date(window_.from).toISOString(),
        to: new Date(window_.to).toISOString(),
        timeZone: viewerZone,
      },
      draftIndex: timeOff.draftIndex,
    };
  };
  const preview = useAvailabilityPreview(draft, `${signature}|${viewerZone}`, previewRequest);

  const save = useMutation({
    mutationFn: () => saveAvailability({ client, record, draft, baseline, preview: previewRequest(draft) }),
    onMutate: () => {
      setStatus('');
      setSummary([]);
      setSaveErrors({});
    },
    onSuccess: async (outcome) => {
      if (outcome.saved) {
        setRecord(outcome.saved.record);
        setBaseline(outcome.saved.baseline);
        setDraft(outcome.saved.draft);
        queryClient.setQueryData(trpc.spokespeople.getManaged.queryKey({ id: record.id }), outcome.saved.record);
        await queryClient.invalidateQueries({ queryKey: trpc.spokespeople.listAll.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.spokespeople.previewAvailability.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.desk.planner.pathKey() });
      }
      setSaveErrors(outcome.errors);
      setSummary(outcome.summary);
      if (!outcome.saved) focusFirstInvalid();
      else if (!outcome.complete) setStatus('The other changes were saved.');
      else setStatus(`Saved at ${formatTime(new Date().toISOString(), zone)} ${zoneCity(zone)} time. Reporters now see these hours.`);
    },
    onError: (error) => setSummary([`Saving failed: ${readProblem(error).message}`]),
  });

  const errors = useMemo(() => mergeErrors(preview.errors, saveErrors), [preview.errors, saveErrors]);
  const known = fieldKeys(draft);
  const unplaced = Object.entries(errors).filter(([key]) => !known.has(key)).flatMap(([key, messages]) => messages.map((message) => `${key}: ${message}`));
  const saving = save.isPending;

  return (
    <div className="availability-editor">
      <div className="availability-form">
        <h2 className="availability-person">
          {record.name}
          {isDirty && <span className="unsaved-flag">Unsaved changes</span>}
        </h2>
        <p className="meta">
          {record.title}. All hours below are in {record.name.split(' ')[0]}’s time zone: <strong>{zoneCity(zone)}</strong> ({zone}), where it is now {formatLocalTimeNow(zone)}.
          {!record.active && ' Inactive: reporters cannot book until a press officer activates this spokesperson.'}
        </p>
        <WeeklyHours draft={draft} errors={errors} change={change} />
        <Settings draft={draft} errors={errors} change={change} />
        <Overrides draft={draft} errors={errors} change={change} zone={zone} />
        <TimeOff draft={draft} errors={errors} change={change} zone={zone} />
        <div className={`save-bar${isDirty ? ' is-dirty' : ''}`}>
          {summary.length > 0 ? (
            <div role="alert" className="form-error">
              {[...summary, ...unplaced].map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : null}
          <p role="status" className="save-status">{status}</p>
          <div className="save-actions">
            <button type="button" onClick={() => !saving && save.mutate()} disabled={saving || !isDirty}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="secondary" disabled={saving || !isDirty} onClick={() => change(() => baseline)}>
              Discard changes
            </button>
            {isDirty ? <span className="unsaved-flag">Unsaved changes</span> : <span className="meta">No unsaved changes.</span>}
          </div>
        </div>
      </div>
      <Preview state={preview.state} updating={preview.updating} viewerZone={viewerZone} onZone={setViewerZone} spokespersonZone={zone} isDirty={isDirty} unplaced={summary.length > 0 ? [] : unplaced} />
    </div>
  );
}

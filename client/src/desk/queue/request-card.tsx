// One request in the queue (or on its own page): who, when, conflicts, and
// the desk's actions, each opening its panel (approve asks for confirmation).
import { useId, useRef, useState } from 'react';
import { onLinkClick } from '../../router';
import { formatDateTime } from '../../time';
import { formatName, languageName } from '../../components/interview-options';
import { CalendarClashNote } from '../../components/calendar-clash-note';
import { describeStatus, describeTimeLeft, formatRange } from './queue-format';
import { ApprovePanel } from './approve-panel';
import { DeclineForm } from './decline-form';
import { ProposeForm } from './propose-form';
import { ReassignForm } from './reassign-form';
import { RequestDetail } from './request-detail';
import { RequestTimes } from './request-times';
import { MoveAnswer } from './move-answer';
import { EmbargoMark } from './embargo-mark';
import { headingIdOf, type Act, type PublicSpokesperson, type QueueRequest } from './queue-types';

type Panel = 'approve' | 'decline' | 'propose' | 'reassign';

const panelLabels: Record<Panel, (reference: string) => [string, string]> = {
  approve: (reference) => ['Approve', ` ${reference}`],
  decline: (reference) => ['Decline', ` ${reference}`],
  propose: (reference) => ['Propose other times', ` for ${reference}`],
  reassign: (reference) => ['Reassign', ` ${reference}`],
};

export function RequestCard({ request, timeZone, now, spokespeople, expanded, onToggleDetails, act, headingLevel = 2 }: { request: QueueRequest; timeZone: string; now: number; spokespeople: PublicSpokesperson[]; expanded: boolean; onToggleDetails: () => void; act: Act; headingLevel?: 1 | 2 }) {
  const id = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [chosen, setChosen] = useState(0);
  const toggles = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const person = request.spokesperson;
  const left = describeTimeLeft(request.deadline.utc, now);
  const reporterProposals = request.proposals.filter((proposal) => proposal.by === 'reporter');
  // What Approve books: the requested slot, else the reporter's proposal chosen below (the first by default).
  const candidates = request.requested ? [request.requested.start.utc] : reporterProposals.map((proposal) => proposal.start.utc);
  const isOpen = request.status === 'pending' || request.status === 'proposed';
  const personOf = (spokespersonId: string) => spokespeople.find((entry) => entry.id === spokespersonId) ?? (person?.id === spokespersonId ? person : null);
  const available: Panel[] = isOpen ? [...(request.status === 'pending' && person && candidates.length > 0 ? (['approve'] as const) : []), 'decline', 'propose', 'reassign'] : [];
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  const togglePanel = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const closePanel = () => {
    const was = panel;
    setPanel(null);
    if (was) toggles.current[was]?.focus();
  };

  return (
    <li className={`card queue-item queue-${left.urgency}`} aria-labelledby={headingIdOf(request.id)}>
      <Heading id={headingIdOf(request.id)} tabIndex={-1}>
        {request.reference}: {request.reporter.name}, {request.reporter.outlet}
      </Heading>
      <EmbargoMark request={request} />
      <p className={`queue-deadline queue-deadline-${left.urgency}`}>
        <span className="label">Deadline:</span> {formatDateTime(request.deadline.utc, timeZone)} · <strong>{left.text}</strong>
      </p>
      <p>
        <span className="label">With:</span> {person?.name ?? 'no one yet (any spokesperson for the topic)'} · <span className="label">Topic:</span> {request.topic} · {formatName(request.format)}, {languageName(request.language)}, {request.durationMinutes} minutes
      </p>
      <p>
        <span className="label">Status:</span> {describeStatus(request.status, request.cancelledBy)}
        {request.statusReason && <> · <span className="label">Reason:</span> {request.statusReason}</>}
      </p>
      {request.reporterNoShows > 0 && (
        <p className="queue-no-shows">
          <span className="label">Reporter’s record:</span> {request.reporterNoShows} earlier interview{request.reporterNoShows === 1 ? '' : 's'} recorded as a no-show
        </p>
      )}
      {request.reporterActiveHolds > 0 && (
        <p>
          <span className="label">Holds:</span> this reporter holds {request.reporterActiveHolds} slot{request.reporterActiveHolds === 1 ? '' : 's'} now
        </p>
      )}
      <RequestTimes request={request} timeZone={timeZone} personOf={personOf} chosen={chosen} onChoose={setChosen} radioName={`${id}-choice`} />
      {request.calendarClash && <CalendarClashNote clash={request.calendarClash} timeZone={timeZone} />}
      {request.interview && (
        <p>
          <a href={`/desk/interviews/${encodeURIComponent(request.interview.id)}`} onClick={onLinkClick}>
            Open the interview<span className="visually-hidden"> of {request.reference}</span>
          </a>
        </p>
      )}
      <MoveAnswer request={request} timeZone={timeZone} act={act} />
      {request.conflicts.length > 0 && (
        <div className="queue-conflicts">
          <p>
            <strong>Conflict:</strong> the requested time overlaps (buffers included)
          </p>
          <ul>
            {request.conflicts.map((conflict) => (
              <li key={`${conflict.kind}-${conflict.id}`}>
                {conflict.kind === 'interview' ? 'the booked interview' : 'the time held for pending request'} {conflict.reference} ({conflict.reporterName}, {conflict.reporterOutlet}), {formatRange(conflict.start, conflict.end, timeZone)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        {available.map((name) => {
          const [text, hidden] = panelLabels[name](request.reference);
          return (
            <span key={name}>
              <button type="button" className={name === 'approve' ? undefined : 'secondary'} aria-expanded={panel === name} aria-controls={panel === name ? `${id}-panel` : undefined} ref={(element) => { toggles.current[name] = element; }} onClick={() => togglePanel(name)}>
                {text}<span className="visually-hidden">{hidden}</span>
              </button>{' '}
            </span>
          );
        })}
        <button type="button" className="secondary queue-details-toggle" aria-expanded={expanded} aria-controls={expanded ? `${id}-details` : undefined} onClick={onToggleDetails}>
          Details<span className="visually-hidden"> of {request.reference}</span>
        </button>
      </div>
      {isOpen && request.status === 'pending' && !person && <p className="meta">No spokesperson yet: reassign the request to one before approving.</p>}
      {isOpen && panel && (
        <div id={`${id}-panel`} className="queue-panel">
          {panel === 'approve' && candidates[chosen] && <ApprovePanel key={candidates[chosen]} request={request} start={candidates[chosen]!} timeZone={timeZone} act={act} onClose={closePanel} />}
          {panel === 'decline' && <DeclineForm request={request} act={act} onClose={closePanel} />}
          {panel === 'propose' && <ProposeForm request={request} timeZone={timeZone} spokespeople={spokespeople} act={act} onClose={closePanel} />}
          {panel === 'reassign' && <ReassignForm request={request} timeZone={timeZone} spokespeople={spokespeople} act={act} onClose={closePanel} />}
        </div>
      )}
      {expanded && <RequestDetail id={`${id}-details`} request={request} timeZone={timeZone} now={now} personOf={personOf} />}
    </li>
  );
}

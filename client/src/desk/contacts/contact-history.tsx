// A contact's requests and interviews, newest first, in the viewer's zone.
import { formatNameInSentence } from '../../components/interview-options';
import { formatTime, zoneCity } from '../../time';
import { formatHistoryTime, interviewOutcomes, requestStatusNames } from './contact-format';
import type { ContactDetails, TimelineEntry } from './contact-types';

export function ContactHistory({ data, viewerZone }: { data: ContactDetails; viewerZone: string }) {
  return (
    <section className="card" aria-labelledby="contact-history-heading">
      <h2 id="contact-history-heading">History</h2>
      <p className="meta">
        Newest first. Times in {zoneCity(viewerZone)} time ({viewerZone}).
      </p>
      <p>
        <span className="label">Last contact:</span>{' '}
        {data.lastContactAt ? <time dateTime={data.lastContactAt}>{formatHistoryTime(data.lastContactAt, viewerZone)}</time> : 'never'}
      </p>
      <p>
        <span className="label">No-shows:</span> {data.noShows.contact === 0 ? 'none recorded' : `${data.noShows.contact} interview${data.noShows.contact === 1 ? '' : 's'} recorded as a no-show`}
        {data.noShows.outlet !== null && data.noShows.outlet > 0 && <> · their outlet’s reporters: {data.noShows.outlet}</>}
      </p>
      {data.timeline.length === 0 ? (
        <p>No requests or interviews yet.</p>
      ) : (
        <ol className="timeline" aria-label="History, newest first">
          {data.timeline.map((entry) => (
            <li key={`${entry.kind}-${entry.requestId}`} className={`timeline-entry timeline-${entry.kind}`}>
              <time dateTime={entry.at}>{formatHistoryTime(entry.at, viewerZone)}</time>
              <TimelineText entry={entry} timeZone={viewerZone} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineText({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  switch (entry.kind) {
    case 'request':
      return (
        <p>
          <span className="label">Requested an interview</span> ({entry.reference}): “{entry.topic}”, {formatNameInSentence(entry.format)}, for {entry.outlet}.{' '}
          <span className="meta">Now {requestStatusNames[entry.status] ?? entry.status}.</span>
        </p>
      );
    case 'request_cancelled':
      return (
        <p>
          <span className="label">Request cancelled</span> ({entry.reference}) {entry.cancelledBy === 'reporter' ? 'by the reporter' : entry.cancelledBy === 'desk' ? 'by the press office' : '(by whom not recorded)'}.
          {entry.reason && <> Reason: {entry.reason}</>}
        </p>
      );
    case 'request_declined':
      return (
        <p>
          <span className="label">Request declined</span> ({entry.reference}).{entry.reason && <> Reason: {entry.reason}</>}
        </p>
      );
    case 'request_expired':
      return (
        <p>
          <span className="label">Request expired</span> ({entry.reference}): the deadline passed unanswered.
        </p>
      );
    case 'interview':
      return (
        <p>
          <span className="label">Interview with {entry.spokespersonName}</span> ({entry.reference}), {formatTime(entry.start, timeZone)}–{formatTime(entry.end, timeZone)}.{' '}
          <span className="outcome">Outcome: {interviewOutcomes[entry.status] ?? entry.status}.</span>
        </p>
      );
  }
}

/** The outlets a reporter wrote for in their requests, with the first and last request for each. */
export function requestOutlets(timeline: TimelineEntry[]): { name: string; first: string; last: string }[] {
  const byName = new Map<string, { name: string; first: string; last: string }>();
  for (const entry of timeline) {
    if (entry.kind !== 'request') continue;
    const known = byName.get(entry.outlet);
    // The timeline is newest first: the first entry seen is the latest request.
    if (known) known.first = entry.at;
    else byName.set(entry.outlet, { name: entry.outlet, first: entry.at, last: entry.at });
  }
  return [...byName.values()];
}

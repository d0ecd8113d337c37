// One request in full: the reporter, the interview asked for, and every time
// in the viewer's, the spokesperson's and the reporter's zones.
import { formatDateTime, zoneCity } from '../../time';
import { describeTimeLeft, whatsappLink } from './queue-format';
import { attributionName, formatName, languageName } from '../../components/interview-options';
import type { QueueRequest } from './queue-types';

type Person = { name: string; timeZone: string };
type TimeRow = { label: string; utc: string; person: Person | null };

function timeRows(request: QueueRequest, now: number, personOf: (id: string) => Person | null): TimeRow[] {
  const person = request.spokesperson;
  const rows: TimeRow[] = [{ label: `Deadline (${describeTimeLeft(request.deadline.utc, now).text})`, utc: request.deadline.utc, person }];
  if (request.requested) rows.push({ label: 'Requested time', utc: request.requested.start.utc, person });
  const reporterProposals = request.proposals.filter((proposal) => proposal.by === 'reporter');
  reporterProposals.forEach((proposal, index) => rows.push({ label: `Reporter’s proposal ${index + 1} of ${reporterProposals.length}`, utc: proposal.start.utc, person }));
  request.proposals
    .filter((proposal) => proposal.by === 'desk')
    .forEach((proposal, index) => {
      const with_ = personOf(proposal.spokespersonId);
      rows.push({ label: `Offered time ${index + 1}${proposal.spokespersonName ? `, with ${proposal.spokespersonName}` : ''}`, utc: proposal.start.utc, person: with_ });
    });
  if (request.hold) rows.push({ label: 'Held until approved', utc: request.hold.start.utc, person });
  if (request.interview) rows.push({ label: `Interview (${request.interview.status})`, utc: request.interview.start.utc, person });
  return rows;
}

export function RequestDetail({ id, request, timeZone, now, personOf }: { id: string; request: QueueRequest; timeZone: string; now: number; personOf: (spokespersonId: string) => Person | null }) {
  const { reporter } = request;
  const rows = timeRows(request, now, personOf);
  return (
    <section id={id} className="queue-detail" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Details of {request.reference}</h3>
      <div className="queue-detail-grid">
        <div>
          <h4>Reporter</h4>
          <dl>
            <dt>Name</dt>
            <dd>{reporter.name}</dd>
            <dt>Outlet</dt>
            <dd>{reporter.outlet}</dd>
            <dt>Role</dt>
            <dd>{reporter.role || 'not given'}</dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
            </dd>
            <dt>Phone</dt>
            <dd>{reporter.phone ? <a href={`tel:${reporter.phone}`}>{reporter.phone}</a> : 'not given'}</dd>
            <dt>WhatsApp</dt>
            <dd>{reporter.whatsapp ? <a href={whatsappLink(reporter.whatsapp)}>{reporter.whatsapp}</a> : 'not given'}</dd>
            <dt>Time zone</dt>
            <dd>
              {zoneCity(reporter.timeZone)} ({reporter.timeZone})
            </dd>
          </dl>
        </div>
        <div>
          <h4>Interview asked for</h4>
          <dl>
            <dt>Spokesperson</dt>
            <dd>{request.spokesperson ? `${request.spokesperson.name} (${zoneCity(request.spokesperson.timeZone)})` : 'any spokesperson for the topic'}</dd>
            <dt>Format</dt>
            <dd>{formatName(request.format)}</dd>
            <dt>Language</dt>
            <dd>{languageName(request.language)}</dd>
            <dt>Length</dt>
            <dd>{request.durationMinutes} minutes</dd>
            <dt>Attribution</dt>
            <dd>{attributionName(request.attribution)}</dd>
            <dt>Topic</dt>
            <dd>{request.topic}</dd>
            <dt>Questions</dt>
            <dd className="queue-questions">{request.questions || 'none sent'}</dd>
            <dt>Received</dt>
            <dd>{formatDateTime(request.createdAt, timeZone)}</dd>
          </dl>
        </div>
      </div>
      <h4 id={`${id}-times`}>Times</h4>
      {/* Three zones do not fit 375 px: the table scrolls sideways, and can be scrolled by keyboard. */}
      <div className="queue-table-wrap" role="region" aria-labelledby={`${id}-times`} tabIndex={0}>
        <table className="queue-times">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Your time ({zoneCity(timeZone)})</th>
              <th scope="col">Spokesperson’s time</th>
              <th scope="col">Reporter’s time ({zoneCity(reporter.timeZone)})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{formatDateTime(row.utc, timeZone)}</td>
                <td>{row.person ? `${formatDateTime(row.utc, row.person.timeZone)} (${zoneCity(row.person.timeZone)})` : 'no spokesperson yet'}</td>
                <td>{formatDateTime(row.utc, reporter.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// The times a request card shows: the interview, the requested time, the
// reporter's proposals (a choice when approving) and the times offered.
import { inBothZones } from './queue-format';
import type { QueueRequest } from './queue-types';

type Person = { name: string; timeZone: string };

export function RequestTimes({ request, timeZone, personOf, chosen, onChoose, radioName }: { request: QueueRequest; timeZone: string; personOf: (id: string) => Person | null; chosen: number; onChoose: (index: number) => void; radioName: string }) {
  const person = request.spokesperson;
  const reporterProposals = request.proposals.filter((proposal) => proposal.by === 'reporter');
  const deskProposals = request.proposals.filter((proposal) => proposal.by === 'desk');
  return (
    <>
      {request.interview && request.interview.status !== 'cancelled' && (
        <p>
          <span className="label">Interview:</span> {inBothZones(request.interview.start.utc, timeZone, person)}
        </p>
      )}
      {!request.interview && request.requested && (
        <p>
          <span className="label">Requested:</span> {inBothZones(request.requested.start.utc, timeZone, person)}
        </p>
      )}
      {!request.interview && !request.requested && reporterProposals.length > 0 && (request.status !== 'pending' || reporterProposals.length === 1) && (
        <div>
          <p className="label">Times the reporter proposed:</p>
          <ul className="list">
            {reporterProposals.map((proposal) => (
              <li key={proposal.index}>{inBothZones(proposal.start.utc, timeZone, person)}</li>
            ))}
          </ul>
        </div>
      )}
      {request.status === 'pending' && reporterProposals.length > 1 && !request.requested && (
        <fieldset className="queue-choice">
          <legend>
            Time to book<span className="visually-hidden"> for {request.reference}</span> (the reporter proposed {reporterProposals.length})
          </legend>
          {reporterProposals.map((proposal, index) => (
            <label key={proposal.index} className="radio">
              <input type="radio" name={radioName} checked={chosen === index} onChange={() => onChoose(index)} /> {inBothZones(proposal.start.utc, timeZone, person)}
            </label>
          ))}
        </fieldset>
      )}
      {request.status === 'proposed' && deskProposals.length > 0 && (
        <div>
          <p className="label">Times offered to the reporter:</p>
          <ul className="list">
            {deskProposals.map((proposal) => (
              <li key={proposal.index}>
                {inBothZones(proposal.start.utc, timeZone, personOf(proposal.spokespersonId))}
                {proposal.spokespersonName && proposal.spokespersonId !== person?.id ? ` (with ${proposal.spokespersonName})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

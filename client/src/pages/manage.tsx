import { useState } from 'react';
import { api, errorMessage } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { formatDateTime, zoneCity } from '../time';

const statusText: Record<string, string> = {
  pending: 'Waiting for the press office',
  proposed: 'The press office proposed other times: pick one below',
  approved: 'Confirmed',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired: your deadline passed before an answer',
};

type View = Awaited<ReturnType<typeof api.requests.get.query>>;

function Times({ label, span, reporterZone, spokespersonZone }: { label: string; span: { start: { utc: string } }; reporterZone: string; spokespersonZone?: string }) {
  return (
    <p>
      <span className="label">{label}:</span> {formatDateTime(span.start.utc, reporterZone)} ({zoneCity(reporterZone)})
      {spokespersonZone && <> · {formatDateTime(span.start.utc, spokespersonZone)} ({zoneCity(spokespersonZone)})</>}
    </p>
  );
}

export function ManagePage({ reference, token, isNew }: { reference: string; token: string; isNew: boolean }) {
  const [version, setVersion] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const request = useQuery(() => api.requests.get.query({ reference, token }), [reference, token, version]);
  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      setVersion((value) => value + 1);
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };
  return (
    <Loaded state={request} label="your request">
      {(view: View) => (
        <>
          <h1>Interview request {view.reference}</h1>
          {isNew && (
            <div className="notice" role="status">
              <p>We received your request. The press office will answer before your deadline; you will get an email either way.</p>
              <p>
                <strong>Keep this page’s link</strong>: it is the only way to see, cancel or change your request. It is also in your confirmation email.
              </p>
            </div>
          )}
          <p className="status">
            <span className="label">Status:</span> {statusText[view.status] ?? view.status}
          </p>
          <p>
            <span className="label">With:</span> {view.spokesperson?.name ?? 'a spokesperson on your topic'} · <span className="label">Topic:</span> {view.topic}
          </p>
          {view.interview && view.interview.status !== 'cancelled' && <Times label="Interview" span={view.interview} reporterZone={view.reporter.timeZone} spokespersonZone={view.spokesperson?.timeZone} />}
          {!view.interview && view.requested && <Times label="Requested time" span={view.requested} reporterZone={view.reporter.timeZone} spokespersonZone={view.spokesperson?.timeZone} />}
          {view.calendar && (
            <p className="calendar-links">
              Add to calendar: <a href={view.calendar.ics}>Download .ics</a> · <a href={view.calendar.google} target="_blank" rel="noreferrer">Google Calendar</a> · <a href={view.calendar.outlook} target="_blank" rel="noreferrer">Outlook.com</a>
            </p>
          )}
          {view.status === 'proposed' && (
            <section aria-labelledby="proposals-heading">
              <h2 id="proposals-heading">Proposed times</h2>
              {view.proposalMessage && <p>{view.proposalMessage}</p>}
              <ul className="list">
                {view.proposals.filter((proposal) => proposal.by === 'desk').map((proposal) => (
                  <li key={proposal.index}>
                    {formatDateTime(proposal.start.utc, view.reporter.timeZone)} ({zoneCity(view.reporter.timeZone)}){proposal.spokespersonName ? ` with ${proposal.spokespersonName}` : ''}{' '}
                    <button type="button" onClick={() => act(() => api.requests.pickProposal.mutate({ reference, token, index: proposal.index }))}>
                      Pick this time
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {actionError && <p role="alert">{actionError}</p>}
          {['pending', 'proposed', 'approved'].includes(view.status) && (
            <button type="button" className="secondary" onClick={() => window.confirm('Cancel this interview request?') && act(() => api.requests.cancel.mutate({ reference, token }))}>
              Cancel the request
            </button>
          )}
        </>
      )}
    </Loaded>
  );
}

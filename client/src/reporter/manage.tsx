import { useState } from 'react';
import { api, errorMessage } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { attributionName, formatName, languageName } from '../components/interview-options';
import { describeDetails, meetingLink, type MeetingDetails } from '../components/meeting-details';
import { formatDateTime, formatTime, zoneCity } from '../time';
import { onLinkClick } from '../router';
import './manage.css';

const statusText: Record<string, string> = {
  pending: 'Waiting for the press office',
  proposed: 'The press office proposed other times: pick one below',
  approved: 'Confirmed',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired: your deadline passed before an answer',
};


type View = Awaited<ReturnType<typeof api.requests.get.query>>;
type Span = { start: { utc: string }; end: { utc: string } };

/** A span in the reporter's zone and, when known, the spokesperson's: "Mon 22 Mar, 09:00 – 09:30 EST (New York) · 15:00 – 15:30 CET (Zurich)". */
function Times({ label, span, reporterZone, spokespersonZone }: { label: string; span: Span; reporterZone: string; spokespersonZone?: string | null }) {
  const inZone = (timeZone: string) => `${formatDateTime(span.start.utc, timeZone)} – ${formatTime(span.end.utc, timeZone)} (${zoneCity(timeZone)})`;
  return (
    <p>
      <span className="label">{label}:</span> {inZone(reporterZone)}
      {spokespersonZone && spokespersonZone !== reporterZone && <> · {inZone(spokespersonZone)}</>}
    </p>
  );
}

/** The private link to this page, without the "just created" flag. */
function manageLink(reference: string, token: string): string {
  return `${window.location.origin}/manage/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}

function KeepThisLink({ reference, token }: { reference: string; token: string }) {
  const link = manageLink(reference, token);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      // No clipboard (plain HTTP, or permission refused): select the text so the reporter can copy it.
      (document.getElementById('manage-link') as HTMLInputElement | null)?.select();
      setCopied('Select the link and copy it.');
    }
  };
  return (
    <div className="keep-link">
      <p>
        <strong>Keep this link</strong>: it is the only way to see, cancel or change your request, and anyone who has it can do so. It is also in your confirmation email.
      </p>
      <label htmlFor="manage-link">Your private link</label>
      <div className="copy-row">
        <input id="manage-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="quiet" onClick={copy}>
          Copy link
        </button>
      </div>
      <span role="status">{copied}</span>
    </div>
  );
}

export function ManagePage({ reference, token, isNew }: { reference: string; token: string; isNew: boolean }) {
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [actionDone, setActionDone] = useState<string | null>(null);
  const request = useQuery(() => api.requests.get.query({ reference, token }), [reference, token, version]);
  const act = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    setActionDone(null);
    try {
      await action();
      setActionDone(done);
      setVersion((value) => value + 1);
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  if (!token) {
    return (
      <>
        <h1>Interview request {reference}</h1>
        <p role="alert">This link is missing its private token. Open the link from your confirmation email.</p>
      </>
    );
  }
  return (
    <Loaded state={request} label="your request">
      {(view: View) => {
        const reporterZone = view.reporter.timeZone;
        const spokespersonZone = view.spokesperson?.timeZone;
        const deskProposals = view.proposals.filter((proposal) => proposal.by === 'desk');
        return (
          <>
            <h1>Interview request {view.reference}</h1>
            {isNew && (
              <div className="notice" role="status">
                <p>
                  We received your request. Your reference is <strong>{view.reference}</strong>.
                </p>
                <h2 className="next-heading">What happens next</h2>
                <ol>
                  <li>The press office checks the time with {view.spokesperson?.name ?? 'a spokesperson on your topic'} and answers before your deadline.</li>
                  <li>If it is confirmed, you get an email with a calendar invite; the add-to-calendar links also appear on this page.</li>
                  <li>If that time no longer works, they propose others here and by email: pick one on this page.</li>
                </ol>
                <KeepThisLink reference={view.reference} token={token} />
              </div>
            )}
            <p className="status">
              <span className="label">Status:</span> {statusText[view.status] ?? view.status}
            </p>
            {view.statusReason && (view.status === 'declined' || view.status === 'cancelled') && (
              <p>
                <span className="label">Reason:</span> {view.statusReason}
              </p>
            )}
            <p>
              <span className="label">With:</span> {view.spokesperson?.name ?? 'a spokesperson on your topic'} · <span className="label">Topic:</span> {view.topic}
            </p>
            {view.interview && view.interview.status !== 'cancelled' && <Times label="Interview" span={view.interview} reporterZone={reporterZone} spokespersonZone={spokespersonZone} />}
            {!view.interview && view.requested && <Times label="Requested time" span={view.requested} reporterZone={reporterZone} spokespersonZone={spokespersonZone} />}
            {view.interview && view.interview.status !== 'cancelled' && <HowToJoin format={view.format} details={(view.interview.formatDetails ?? {}) as MeetingDetails} phone={view.reporter.phone} />}
            <p>
              <span className="label">Format:</span> {formatName(view.format)}, {view.durationMinutes} minutes, in {languageName(view.language)} · <span className="label">Terms:</span> {attributionName(view.attribution)}
            </p>
            <p>
              <span className="label">Your deadline:</span> {formatDateTime(view.deadline.utc, reporterZone)} ({zoneCity(reporterZone)})
            </p>
            {view.calendar && (
              <p className="calendar-links">
                Add to calendar: <a href={view.calendar.ics}>Download .ics</a> ·{' '}
                <a href={view.calendar.google} target="_blank" rel="noreferrer">
                  Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
                </a>{' '}
                ·{' '}
                <a href={view.calendar.outlook} target="_blank" rel="noreferrer">
                  Outlook.com<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </p>
            )}
            {view.status === 'proposed' && (
              <section aria-labelledby="proposals-heading">
                <h2 id="proposals-heading">Proposed times</h2>
                {view.proposalMessage && <p>{view.proposalMessage}</p>}
                {deskProposals.length === 0 ? (
                  <p>No times are listed: please contact the press office.</p>
                ) : (
                  <ul className="proposals">
                    {deskProposals.map((proposal) => {
                      const sameSpokesperson = proposal.spokespersonId === view.spokesperson?.id;
                      return (
                        <li key={proposal.index}>
                          <Times label={`Option ${proposal.index + 1}`} span={proposal} reporterZone={reporterZone} spokespersonZone={sameSpokesperson ? spokespersonZone : null} />
                          {proposal.spokespersonName && !sameSpokesperson && <p>With {proposal.spokespersonName}</p>}
                          <button type="button" disabled={busy} onClick={() => act(() => api.requests.pickProposal.mutate({ reference, token, index: proposal.index }), 'You picked a new time.')}>
                            Pick this time<span className="visually-hidden">: {formatDateTime(proposal.start.utc, reporterZone)}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            )}
            {actionError && (
              <p role="alert" className="form-error">
                {actionError}
              </p>
            )}
            <p role="status">{actionDone}</p>
            {['pending', 'proposed', 'approved'].includes(view.status) && (
              <button type="button" className="secondary" disabled={busy} onClick={() => window.confirm('Cancel this interview request?') && act(() => api.requests.cancel.mutate({ reference, token }), 'Your request is cancelled.')}>
                Cancel the request
              </button>
            )}
            <p>
              <a href="/" onClick={onLinkClick}>Request another interview</a>
            </p>
          </>
        );
      }}
    </Loaded>
  );
}

/** How to meet, as the invite says it; the video link opens the meeting. */
function HowToJoin({ format, details, phone }: { format: string; details: MeetingDetails; phone: string | null }) {
  const link = meetingLink(format, details);
  return (
    <p className="how-to-join">
      <span className="label">How to join:</span> {link ? <>Video call, <a href={link} target="_blank" rel="noreferrer">{link}</a></> : describeDetails(format, details, phone).replace(' (no link yet)', '')}
    </p>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { usePageTitle } from '../components/page-title';
import { languageName } from '../components/interview-options';
import { isLanguage, languageWasChosen, useI18n, type MessageKey } from '../i18n/i18n';
import { reporterErrorMessage } from '../i18n/errors';
import { formatDateTime, formatTime, zoneCity } from '../time';
import { onLinkClick } from '../router';
import { rememberedClock } from './preferences';
import { KeepThisLink } from './keep-this-link';
import { MovePicker } from './manage-move';
import { CancelRequest } from './manage-cancel';
import { HowToJoin } from './how-to-join';
import type { MeetingDetails } from '../components/meeting-details';
import './manage.css';

type View = Awaited<ReturnType<typeof api.requests.get.query>>;
type Span = { start: { utc: string }; end: { utc: string } };

/** A span in the reporter's zone and, when known, the spokesperson's: "Mon 22 Mar, 09:00 – 09:30 EST (New York) · 15:00 – 15:30 CET (Zurich)". */
export function Times({ label, span, reporterZone, spokespersonZone, className }: { label: string; span: Span; reporterZone: string; spokespersonZone?: string | null; className?: string }) {
  const { locale } = useI18n();
  const clock = rememberedClock();
  const inZone = (timeZone: string) => `${formatDateTime(span.start.utc, timeZone, locale, clock)} – ${formatTime(span.end.utc, timeZone, locale, clock)} (${zoneCity(timeZone)})`;
  return (
    <p className={className}>
      <span className="label">{label}:</span> {inZone(reporterZone)}
      {spokespersonZone && spokespersonZone !== reporterZone && <> · {inZone(spokespersonZone)}</>}
    </p>
  );
}

export function ManagePage({ reference, token, isNew }: { reference: string; token: string; isNew: boolean }) {
  const { t, language, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [actionDone, setActionDone] = useState<string | null>(null);
  const request = useQuery(() => api.requests.get.query({ reference, token }), [reference, token, version]);
  usePageTitle(t('manage.title', { reference }));
  // Opened from an email on another device: the page speaks the language the request was made in,
  // unless the reporter chose one here (or the link did).
  const { showLanguage } = useI18n();
  const requestLocale = request.status === 'ready' ? request.data.reporter.locale : undefined;
  useEffect(() => {
    if (isLanguage(requestLocale) && requestLocale !== language && !languageWasChosen()) showLanguage(requestLocale);
    // Only when the request's language becomes known, not on every switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestLocale]);
  const act = async <T,>(action: () => Promise<T>, done: string | ((result: T) => string)) => {
    if (busy) return false;
    setBusy(true);
    setActionError(null);
    setActionDone(null);
    try {
      const result = await action();
      setActionDone(typeof done === 'string' ? done : done(result));
      setVersion((value) => value + 1);
      return true;
    } catch (error) {
      setActionError(reporterErrorMessage(error, language, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  if (!token) {
    return (
      <>
        <h1>{t('manage.heading', { reference })}</h1>
        <p role="alert">{t('manage.noToken')}</p>
      </>
    );
  }
  if (request.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (request.status === 'error') return <p role="alert">{t('error.NOT_FOUND')}</p>;
  const view: View = request.data;
  const reporterZone = view.reporter.timeZone;
  const spokespersonZone = view.spokesperson?.timeZone;
  const deskProposals = view.proposals.filter((proposal) => proposal.by === 'desk');
  const who = view.spokesperson?.name ?? t('manage.anyone');
  const cancelled = view.status === 'cancelled';
  const interviewActive = view.interview && view.interview.status !== 'cancelled';
  const canMove = Boolean(view.spokesperson) && (view.status === 'pending' || (view.status === 'approved' && interviewActive));
  return (
    <>
      <h1>{t('manage.heading', { reference: view.reference })}</h1>
      {isNew && (
        <div className="notice" role="status">
          <p>{t('manage.received', { reference: view.reference })}</p>
          <h2 className="next-heading">{t('manage.nextHeading')}</h2>
          <ol>
            <li>{t('manage.next1', { who })}</li>
            <li>{t('manage.next2')}</li>
            <li>{t('manage.next3')}</li>
          </ol>
          <KeepThisLink reference={view.reference} token={token} />
        </div>
      )}
      <p className="status">
        <span className="label">{t('manage.status')}</span> {t(`status.${view.status}` as MessageKey)}
      </p>
      {view.statusReason && (view.status === 'declined' || cancelled) && (
        <p>
          <span className="label">{t('manage.reason')}</span> {view.statusReason}
        </p>
      )}
      <p>
        <span className="label">{t('manage.with')}</span> {who} · <span className="label">{t('manage.topic')}</span> {view.topic}
      </p>
      {/* What was booked stays on the page after a cancellation, marked as cancelled. */}
      {view.interview && <Times label={view.interview.status === 'cancelled' ? t('manage.cancelledInterview') : t('manage.interview')} span={view.interview} reporterZone={reporterZone} spokespersonZone={spokespersonZone} className={view.interview.status === 'cancelled' ? 'cancelled-time' : undefined} />}
      {!view.interview && view.requested && <Times label={cancelled ? t('manage.cancelledTime') : t('manage.requestedTime')} span={view.requested} reporterZone={reporterZone} spokespersonZone={spokespersonZone} className={cancelled ? 'cancelled-time' : undefined} />}
      {view.move && interviewActive && <Times label={t('manage.moveAsked')} span={view.move} reporterZone={reporterZone} spokespersonZone={spokespersonZone} />}
      {view.interview && interviewActive && <HowToJoin format={view.format} details={(view.interview.formatDetails ?? {}) as MeetingDetails} phone={view.reporter.phone} />}
      <p>
        <span className="label">{t('manage.format')}</span> {t('manage.formatLine', { format: t(`format.${view.format}` as MessageKey), minutes: view.durationMinutes, language: languageName(view.language, locale, true) })} · <span className="label">{t('manage.terms')}</span> {t(`attribution.${view.attribution}` as MessageKey)}
      </p>
      <p>
        <span className="label">{t('manage.deadline')}</span> {formatDateTime(view.deadline.utc, reporterZone, locale, rememberedClock())} ({zoneCity(reporterZone)})
      </p>
      {view.calendar && (
        <p className="calendar-links">
          {t('manage.addToCalendar')} <a href={view.calendar.ics}>{t('manage.downloadIcs')}</a> ·{' '}
          <a href={view.calendar.google} target="_blank" rel="noreferrer">
            Google Calendar<span className="visually-hidden"> ({t('manage.newTab')})</span>
          </a>{' '}
          ·{' '}
          <a href={view.calendar.outlook} target="_blank" rel="noreferrer">
            Outlook.com<span className="visually-hidden"> ({t('manage.newTab')})</span>
          </a>
        </p>
      )}
      {view.status === 'proposed' && (
        <section aria-labelledby="proposals-heading">
          <h2 id="proposals-heading">{t('manage.proposalsHeading')}</h2>
          {view.proposalMessage && <p>{view.proposalMessage}</p>}
          {deskProposals.length === 0 ? (
            <p>{t('manage.noProposals')}</p>
          ) : (
            <ul className="proposals">
              {deskProposals.map((proposal) => {
                const sameSpokesperson = proposal.spokespersonId === view.spokesperson?.id;
                return (
                  <li key={proposal.index}>
                    <Times label={t('manage.option', { number: proposal.index + 1 })} span={proposal} reporterZone={reporterZone} spokespersonZone={sameSpokesperson ? spokespersonZone : null} />
                    {proposal.spokespersonName && !sameSpokesperson && <p>{t('manage.withPerson', { name: proposal.spokespersonName })}</p>}
                    <button type="button" disabled={busy} onClick={() => act(() => api.requests.pickProposal.mutate({ reference, token, index: proposal.index }), t('manage.picked'))}>
                      {t('manage.pick')}
                      <span className="visually-hidden">: {formatDateTime(proposal.start.utc, reporterZone, locale)}</span>
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
      {canMove && view.spokesperson && (
        <MovePicker
          key={version}
          spokesperson={view.spokesperson}
          reporterZone={reporterZone}
          duration={view.durationMinutes}
          confirmed={view.status === 'approved'}
          busy={busy}
          onMove={(start) => act(() => api.requests.move.mutate({ reference, token, start }), ({ outcome }) => t(`manage.moved.${outcome}` as MessageKey))}
        />
      )}
      {['pending', 'proposed', 'approved'].includes(view.status) && (
        <CancelRequest busy={busy} confirmed={view.status === 'approved'} onCancel={(reason) => act(() => api.requests.cancel.mutate({ reference, token, ...(reason ? { reason } : {}) }), t('manage.cancelledDone'))} />
      )}
      <p>
        <a href="/" onClick={onLinkClick}>
          {t('manage.another')}
        </a>
      </p>
    </>
  );
}

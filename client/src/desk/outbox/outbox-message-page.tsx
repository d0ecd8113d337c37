// /desk/outbox/<id>: one message as its recipient gets it: headers, the text
// version, the HTML version in a sandboxed frame (no scripts, no same-origin
// access, no navigation: it is content built from user input), and the
// calendar invite as text and as a download.
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { onLinkClick } from '../../router';
import { browserTimeZone, formatDateTime } from '../../time';
import { usePageTitle } from '../../components/page-title';
import { kindNames, statusLabel } from './outbox-format';
import './outbox.css';

/** A download link for text content, valid while the page shows it. */
function useTextDownload(content: string | null | undefined, type: string): string | null {
  const url = useMemo(() => (content ? URL.createObjectURL(new Blob([content], { type })) : null), [content, type]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}

export function OutboxMessagePage({ messageId }: { messageId: string }) {
  const trpc = useTRPC();
  const timeZone = browserTimeZone();
  const message = useQuery(trpc.outbox.get.queryOptions({ id: messageId }));
  const calendar = message.data?.calendar;
  const download = useTextDownload(calendar?.content, 'text/calendar;charset=utf-8');
  usePageTitle(message.data ? `Message: ${message.data.headers.subject}` : null, 1);
  return (
    <>
      <p>
        <a href="/desk/outbox" onClick={onLinkClick}>Back to the outbox</a>
      </p>
      <QueryResult query={message} label="the message">
        {(data) => (
          <article className="outbox-message-view" aria-labelledby="message-heading">
            <h1 id="message-heading">{data.headers.subject}</h1>
            <p>
              <span className={`outbox-status outbox-status-${data.status}`}>{statusLabel(data, data.delivery)}</span>{' '}
              {data.sentAt ? formatDateTime(data.sentAt, timeZone) : data.status === 'pending' ? `next attempt ${formatDateTime(data.nextAttemptAt, timeZone)}` : 'not sent'}
              {data.delivery === 'file' && ' · without a mail server (SMTP_URL unset) messages are written as .eml files, not sent'}
            </p>
            <dl className="outbox-headers">
              <dt>From</dt>
              <dd>{data.headers.from ?? '—'}</dd>
              <dt>To</dt>
              <dd>{data.headers.to}</dd>
              {data.headers.replyTo && (
                <>
                  <dt>Reply-To</dt>
                  <dd>{data.headers.replyTo}</dd>
                </>
              )}
              <dt>Subject</dt>
              <dd>{data.headers.subject}</dd>
              <dt>Date</dt>
              <dd>{formatDateTime(data.headers.date, timeZone)}</dd>
              <dt>Message-ID</dt>
              <dd>{data.headers.messageId}</dd>
              <dt>Kind</dt>
              <dd>{kindNames[data.kind] ?? data.kind}</dd>
              {data.lastError && (
                <>
                  <dt>Last error</dt>
                  <dd>{data.lastError}</dd>
                </>
              )}
            </dl>
            {data.renderError && (
              <p role="alert" className="form-error">
                This message can no longer be shown in full: {data.renderError}
              </p>
            )}
            {data.html && (
              <section aria-labelledby="message-html">
                <h2 id="message-html">HTML version</h2>
                {/* sandbox with no permissions: no scripts, forms, popups or access to the console's origin. */}
                <iframe className="outbox-html" sandbox="" srcDoc={data.html} title={`HTML version of “${data.headers.subject}”`} />
              </section>
            )}
            {data.text && (
              <section aria-labelledby="message-text">
                <h2 id="message-text">Text version</h2>
                <pre className="outbox-text">{data.text}</pre>
              </section>
            )}
            {calendar && (
              <section aria-labelledby="message-ics">
                <h2 id="message-ics">Calendar invite (METHOD:{calendar.method ?? 'unknown'})</h2>
                {download && (
                  <p>
                    <a href={download} download="invite.ics">Download invite.ics</a>
                  </p>
                )}
                <pre className="outbox-text outbox-ics">{calendar.content}</pre>
              </section>
            )}
          </article>
        )}
      </QueryResult>
    </>
  );
}

// What a card shows once its person was erased: that it happened, when, and
// what the press office still holds (counts only; nothing names them).
import { useEffect, useRef } from 'react';
import { browserTimeZone } from '../../time';
import { formatHistoryTime, plural } from './contact-format';

export interface ErasureDetails {
  erased: true;
  erasedAt: string;
  summary?: { contactsDeleted?: number; requestsAnonymised?: number; messagesDeleted?: number; messagesScrubbed?: number; optOutHashes?: number };
}

export function ErasedCard({ erasure, name }: { erasure: ErasureDetails; name?: string }) {
  const zone = browserTimeZone();
  const summary = erasure.summary ?? {};
  const heading = useRef<HTMLHeadingElement>(null);
  // Right after erasing (the name is still known), the dialog that had the focus is gone: the outcome takes it.
  useEffect(() => {
    if (name) heading.current?.focus();
  }, [name]);
  return (
    <article className="contact-detail contact-erased" aria-labelledby="contact-erased-heading">
      <h1 id="contact-erased-heading" ref={heading} tabIndex={-1}>Erased contact</h1>
      <p className="notice">
        {name ? `${name} was erased` : 'This contact was erased'} from the media list on <time dateTime={erasure.erasedAt}>{formatHistoryTime(erasure.erasedAt, zone)}</time>.
      </p>
      <section className="card" aria-labelledby="contact-erased-kept">
        <h2 id="contact-erased-kept">What the press office still holds</h2>
        <ul>
          <li>{plural(summary.requestsAnonymised ?? 0, 'request')} kept for the office’s records, anonymised: the name reads “Erased contact”, with no address or number.</li>
          <li>{plural(summary.optOutHashes ?? 0, 'opt-out hash')} (a keyed hash of each address and number), so a re-import or a new request does not bring them back.</li>
          <li>The record of this erasure: when, and these counts.</li>
        </ul>
        <p className="meta">
          Deleted: {plural(summary.contactsDeleted ?? 0, 'contact record')} and {plural(summary.messagesDeleted ?? 0, 'message')} to their addresses; their name, addresses and numbers were removed from {plural(summary.messagesScrubbed ?? 0, 'other message')} and from the audit trail.
        </p>
      </section>
    </article>
  );
}

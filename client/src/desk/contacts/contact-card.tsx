// /desk/contacts/<id>: one contact's card — facts, likely duplicates, history,
// and what can be done with them.
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick } from '../../router';
import { browserTimeZone } from '../../time';
import { duplicateReasons, formatHistoryTime } from './contact-format';
import { ContactHistory } from './contact-history';
import { ReachFacts, WorkFacts } from './contact-facts';
import { contactPath, listUrl, mergePath, type ContactDetails } from './contact-types';
import { ErasedCard, type ErasureDetails } from './erased-card';
import { PersonActions } from './person-actions';

function erasureOf(error: unknown): ErasureDetails | null {
  const details = error instanceof TRPCClientError ? (error.data as { details?: { erased?: boolean } } | undefined)?.details : undefined;
  return details?.erased ? (details as ErasureDetails) : null;
}

export function ContactCardPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const details = useQuery(trpc.contacts.get.queryOptions({ id }));
  const erasure = details.isError ? erasureOf(details.error) : null;
  usePageTitle(erasure ? 'Erased contact' : details.isError ? 'Contact not available' : (details.data?.contact.name ?? 'Contact'), 1);
  return (
    <>
      <p className="contact-back">
        <a href={listUrl()} onClick={onLinkClick}>← All media contacts</a>
      </p>
      {details.isPending && <p role="status">Loading the contact…</p>}
      {/* Right after an erasure the last answer still names them (kept by the query cache); after a reload it cannot. */}
      {erasure && <ErasedCard erasure={erasure} name={details.data?.contact.name} />}
      {details.isError && !erasure && (
        <div role="alert" className="form-error">
          <h1>Contact not available</h1>
          <p>Could not load this contact: {errorMessage(details.error)}</p>
          <button type="button" onClick={() => details.refetch()}>Try again</button>
        </div>
      )}
      {details.isSuccess && <ContactCard data={details.data} />}
    </>
  );
}

function ContactCard({ data }: { data: ContactDetails }) {
  const { contact } = data;
  const viewerZone = browserTimeZone();
  return (
    <article className="contact-detail">
      <h1>{contact.name}</h1>
      {contact.doNotContact && <p className="notice notice-warning">Do not contact: this person asked not to be contacted.</p>}
      {contact.archivedAt && <p className="notice">Archived on {formatHistoryTime(contact.archivedAt, viewerZone)}.</p>}
      <PersonActions contact={contact} requestCount={data.timeline.filter((entry) => entry.kind === 'request').length} />
      <div className="contact-columns">
        <WorkFacts data={data} viewerZone={viewerZone} />
        <ReachFacts data={data} viewerZone={viewerZone} />
      </div>
      {contact.notes && (
        <section className="card" aria-labelledby="contact-notes-heading">
          <h2 id="contact-notes-heading">Notes</h2>
          <p className="contact-notes">{contact.notes}</p>
        </section>
      )}
      <section className="card" aria-labelledby="contact-duplicates-heading">
        <h2 id="contact-duplicates-heading">Likely duplicates</h2>
        {data.likelyDuplicates.length === 0 ? (
          <p className="meta">None found.</p>
        ) : (
          <ul className="plain-list duplicate-list">
            {data.likelyDuplicates.map((duplicate) => (
              <li key={`${duplicate.reason}-${duplicate.contact.id}`}>
                <a href={contactPath(duplicate.contact.id)} onClick={onLinkClick}>{duplicate.contact.name}</a>
                {duplicate.contact.outlet && <>, {duplicate.contact.outlet.name}</>}
                {duplicate.contact.emails[0] && <>, {duplicate.contact.emails[0]}</>} <span className="meta">({duplicateReasons[duplicate.reason] ?? duplicate.reason})</span>{' '}
                <a href={mergePath(contact.id, duplicate.contact.id)} onClick={onLinkClick} aria-label={`Compare and merge with ${duplicate.contact.name} (${duplicateReasons[duplicate.reason] ?? duplicate.reason})`}>
                  Compare and merge
                </a>
              </li>
            ))}
          </ul>
        )}
        {data.mergedRecords.length > 0 && (
          <>
            <h3>Merged into this contact</h3>
            <ul className="plain-list">
              {data.mergedRecords.map((record) => (
                <li key={record.id}>
                  {record.name}
                  {record.email && <>, {record.email}</>} <span className="meta">(merged {formatHistoryTime(record.mergedAt, viewerZone)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ContactHistory data={data} viewerZone={viewerZone} />
    </article>
  );
}

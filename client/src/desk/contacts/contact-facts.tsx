// The card's facts: where they work (and have worked), and how to reach them.
import { formatLocalTimeNow, zoneCity } from '../../time';
import { languageName } from '../../components/interview-options';
import { channelNames, countryName, formatDay, lawfulBasisNames, phoneKindNames, useNow, usePhoneFormatter } from './contact-format';
import { requestOutlets } from './contact-history';
import type { ContactDetails } from './contact-types';
import { OutletLink } from './outlet-link';

const none = (text: string) => <span className="meta">{text}</span>;

export function WorkFacts({ data, viewerZone }: { data: ContactDetails; viewerZone: string }) {
  const { contact } = data;
  const now = useNow();
  const typed = requestOutlets(data.timeline);
  return (
    <section className="card" aria-labelledby="contact-work-heading">
      <h2 id="contact-work-heading">Work</h2>
      <dl className="contact-facts">
        <dt>Outlet</dt>
        <dd>{contact.outlet ? contact.outlet.name : none('None on record')}</dd>
        {data.affiliations.length > 0 && (
          <>
            <dt>Outlets over time</dt>
            <dd>
              <ul className="plain-list">
                {data.affiliations.map((affiliation) => (
                  <li key={`${affiliation.outlet.id}-${affiliation.startedAt}`}>
                    {affiliation.outlet.name}
                    {affiliation.role && <>, {affiliation.role}</>}{' '}
                    <span className="meta">
                      ({formatDay(affiliation.startedAt, viewerZone)} – {affiliation.endedAt ? formatDay(affiliation.endedAt, viewerZone) : 'now'})
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {typed.length > 0 && (
          <>
            <dt>Outlets named in requests</dt>
            <dd>
              <ul className="plain-list">
                {typed.map((outlet) => (
                  <li key={outlet.name}>
                    {outlet.name}{' '}
                    <span className="meta">
                      ({formatDay(outlet.first, viewerZone)}
                      {formatDay(outlet.last, viewerZone) !== formatDay(outlet.first, viewerZone) && <> – {formatDay(outlet.last, viewerZone)}</>})
                    </span>
                    {contact.outlet?.name !== outlet.name && !contact.mergedIntoId && <OutletLink contact={contact} typedName={outlet.name} />}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Role and beat</dt>
        <dd>{contact.role ?? none('Not recorded')}</dd>
        <dt>Languages</dt>
        <dd>{contact.languages.length > 0 ? contact.languages.map((tag) => `${languageName(tag)} (${tag})`).join(', ') : none('Not recorded')}</dd>
        <dt>Country</dt>
        <dd>{contact.country ? `${countryName(contact.country)} (${contact.country})` : none('Not recorded')}</dd>
        <dt>Time zone</dt>
        <dd>
          {contact.timeZone ? (
            <>
              {contact.timeZone} · <span className="label">now</span> {formatLocalTimeNow(contact.timeZone, now)} in {zoneCity(contact.timeZone)}
            </>
          ) : (
            none('Not recorded')
          )}
        </dd>
        <dt>Tags</dt>
        <dd>{contact.tags.length > 0 ? <ul className="tags">{contact.tags.map((tag) => <li key={tag}>{tag}</li>)}</ul> : none('None')}</dd>
      </dl>
    </section>
  );
}

export function ReachFacts({ data, viewerZone }: { data: ContactDetails; viewerZone: string }) {
  const { contact } = data;
  const formatPhone = usePhoneFormatter();
  return (
    <section className="card" aria-labelledby="contact-reach-heading">
      <h2 id="contact-reach-heading">Reaching them</h2>
      <dl className="contact-facts">
        <dt>Email</dt>
        <dd>
          {contact.emails.length > 0 ? (
            <ul className="plain-list">
              {contact.emails.map((email, index) => (
                <li key={email}>
                  <a href={`mailto:${email}`}>{email}</a>
                  {index === 0 && contact.emails.length > 1 && <span className="meta"> (primary)</span>}
                </li>
              ))}
            </ul>
          ) : (
            none('None')
          )}
        </dd>
        <dt>Phone</dt>
        <dd>
          {contact.phones.length > 0 ? (
            <ul className="plain-list">
              {contact.phones.map((phone) => (
                <li key={phone.e164}>
                  <a href={`tel:${phone.e164}`}>{formatPhone(phone.e164)}</a> <span className="meta">({phoneKindNames[phone.kind]?.toLowerCase() ?? phone.kind})</span>
                </li>
              ))}
            </ul>
          ) : (
            none('None')
          )}
        </dd>
        <dt>WhatsApp</dt>
        <dd>
          {contact.whatsapp ? (
            <a href={`https://wa.me/${contact.whatsapp.replace(/^\+/, '')}`} rel="noreferrer noopener" target="_blank">
              {formatPhone(contact.whatsapp)}
              <span className="visually-hidden"> (opens WhatsApp)</span>
            </a>
          ) : (
            none('None')
          )}
        </dd>
        <dt>Preferred channel</dt>
        <dd>{contact.preferredChannel ? channelNames[contact.preferredChannel] ?? contact.preferredChannel : none('Not stated')}</dd>
        <dt>Lawful basis</dt>
        <dd>
          {contact.lawfulBasis ? lawfulBasisNames[contact.lawfulBasis] ?? contact.lawfulBasis : none('Not recorded')}
          {contact.lawfulBasisAt && <span className="meta"> since {formatDay(contact.lawfulBasisAt, viewerZone)}</span>}
        </dd>
        <dt>Source</dt>
        <dd>{contact.source ?? none('Not recorded')}</dd>
      </dl>
    </section>
  );
}

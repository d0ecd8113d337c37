// Who the press office is, on the reporter's pages: its name, description,
// website and the press contact's public channels, with the zone they work in
// named by its abbreviation for today (CET in November, CEST in June).
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { zoneAbbreviation } from '../components/zone-abbreviation';
import { formatLocalTimeNow, zoneCity } from '../time';
import { useI18n } from '../i18n/i18n';

type Office = Awaited<ReturnType<typeof api.office.get.query>>;

/** The office profile once loaded; nothing while loading or before an admin has set one. */
export function useOfficeProfile(): Office | null {
  const office = useQuery(() => api.office.get.query(), []);
  return office.status === 'ready' && office.data.configured ? office.data : null;
}

export function OfficeContact({ contact }: { contact: NonNullable<Office['contact']> }) {
  const { t, locale } = useI18n();
  const channels = [
    contact.email && <a key="email" href={`mailto:${contact.email}`}>{contact.email}</a>,
    contact.phone && <a key="phone" href={`tel:${contact.phone}`}>{contact.phone}</a>,
    contact.whatsapp && <a key="whatsapp" href={`https://wa.me/${contact.whatsapp.replace(/^\+/, '')}`}>WhatsApp {contact.whatsapp}</a>,
  ].filter(Boolean);
  return (
    <p>
      <span className="label">{t('office.pressContact')}</span> {contact.name}, {contact.title}
      {contact.timeZone && <> ({t('office.worksIn', { city: zoneCity(contact.timeZone), abbreviation: zoneAbbreviation(contact.timeZone), time: formatLocalTimeNow(contact.timeZone, undefined, locale) })})</>}
      {channels.map((channel, index) => (
        <span key={index}> — {channel}</span>
      ))}
    </p>
  );
}

/** The office in a card: for the home page. */
export function OfficeProfileCard({ office }: { office: Office }) {
  return (
    <section aria-labelledby="office-heading" className="card office-profile">
      <h2 id="office-heading">{office.name}</h2>
      {office.description && <p>{office.description}</p>}
      {office.website && (
        <p>
          <a href={office.website}>{office.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
        </p>
      )}
      {office.contact && <OfficeContact contact={office.contact} />}
    </section>
  );
}

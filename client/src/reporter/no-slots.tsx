import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n';
import { formatDate, localDate } from '../time';

const DAY = 86_400_000;
/** How far past the shown month the empty state looks for the nearest free day (the slot query's limit). */
const LOOKAHEAD_DAYS = 62;

/** The press office's public way to be reached. */
export interface PublicContact {
  name: string;
  email?: string | null;
  phone?: string | null;
}

/**
 * Until the office has a public profile, its public contact is the press
 * contact of a current release (only channels marked public are served).
 */
function usePublicContact(given: PublicContact | undefined): PublicContact | undefined {
  const releases = useQuery(() => (given ? Promise.resolve([]) : api.releases.list.query()), [given]);
  if (given) return given;
  if (releases.status !== 'ready') return undefined;
  const contact = releases.data.map((release) => release.pressContact).find((candidate) => candidate && (candidate.email || candidate.phone));
  return contact ? { name: contact.name, email: contact.email, phone: contact.phone } : undefined;
}

/** Nothing free in the shown month: the nearest free day after it (within the horizon), and the press office's contact. */
export function NoSlots(props: { spokesperson: string; timeZone: string; duration: number; after: number; lastDay: string; contact?: PublicContact; onJump: (date: string) => void }) {
  const { spokesperson, timeZone, duration, after } = props;
  const { t, locale } = useI18n();
  const contact = usePublicContact(props.contact);
  const beyondHorizon = localDate(new Date(after).toISOString(), timeZone) > props.lastDay;
  const later = useQuery(
    (): Promise<{ days: { date: string }[] }> => (beyondHorizon ? Promise.resolve({ days: [] }) : api.availability.slots.query({ spokespersonId: spokesperson, from: new Date(after).toISOString(), to: new Date(after + LOOKAHEAD_DAYS * DAY).toISOString(), timeZone, duration })),
    [spokesperson, timeZone, duration, after, beyondHorizon],
  );
  const nearest = later.status === 'ready' ? later.data.days[0] : undefined;
  return (
    <div className="no-slots" role="status">
      <p>{t('empty.none')}</p>
      {later.status === 'loading' && <p>{t('empty.looking')}</p>}
      {nearest && (
        <button type="button" onClick={() => props.onJump(nearest.date)}>
          {t('empty.nearest', { day: formatDate(nearest.date, locale) })}
        </button>
      )}
      {later.status !== 'loading' && !nearest && <p>{t('empty.nothingLater')}</p>}
      {contact && (
        <p className="office-contact">
          {t('empty.contact', { name: contact.name })}{' '}
          {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
          {contact.email && contact.phone && ' · '}
          {contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
        </p>
      )}
    </div>
  );
}

// How the reporter joins a confirmed interview, in the page's language: the
// video link, who calls whom on which number, or where to go. The desk sets
// these details on approval or later (desk.interviews.updateMeetingDetails).
import { meetingLink, type MeetingDetails } from '../components/meeting-details';
import { useI18n } from '../i18n/i18n';

export function HowToJoin({ format, details, phone }: { format: string; details: MeetingDetails; phone: string | null }) {
  const { t } = useI18n();
  const link = meetingLink(format, details);
  const text = (() => {
    switch (format) {
      case 'video':
        return link ? null : t('join.videoToFollow');
      case 'phone':
        return details.dialIn?.trim() ? t('join.phoneDial', { number: details.dialIn.trim() }) : phone ? t('join.phoneCallback', { number: phone }) : t('join.phoneToFollow');
      case 'whatsapp':
        return details.whatsapp?.trim() ? t('join.whatsapp', { number: details.whatsapp.trim() }) : t('join.whatsappCallback');
      case 'studio':
      case 'in_person': {
        const place = t(format === 'studio' ? 'join.studio' : 'join.inPerson');
        const address = (format === 'studio' ? details.studioAddress : details.address)?.trim();
        return address ? t('join.address', { place, address }) : t('join.addressToFollow', { place });
      }
      default:
        return t('join.written');
    }
  })();
  return (
    <p className="how-to-join">
      <span className="label">{t('join.label')}</span>{' '}
      {link ? (
        <>
          {t('join.video')}{' '}
          <a href={link} target="_blank" rel="noreferrer">
            {link}
          </a>
        </>
      ) : (
        text
      )}
    </p>
  );
}

// The newsroom's press contact block (home page): the office's press contact,
// its public channels, working hours with today's zone abbreviation.
import { PressContactBlock } from './press-contact-block';
import { useOfficeProfile } from './office-profile';

export function NewsroomContact() {
  const office = useOfficeProfile();
  if (!office?.contact) return null;
  return <PressContactBlock contact={office.contact} date={new Date()} bookingUrl={`${window.location.origin}/#topic-heading`} />;
}

/**
 * The reminder email before an interview, for the reporter or the
 * spokesperson: when (their zone first, the other party's beside it), how to
 * meet, and whom to call on the day if something goes wrong. Pure: no
 * database, no clock, no process time zone.
 */
import { describeInterview, type InterviewDetails, type InterviewViewer } from './describe-interview';
import { formatShortStartInZone } from './format-local-time';
import { renderEmailBody, type BodyLine } from './render-email-body';
import { buildWhatsAppLink } from './build-whatsapp-link';
import { sanitizeHeaderText } from './sanitize-header-text';
import { describeOffset } from '../reminders/plan-reminders';

/** The press officer to reach on the day: their phone and WhatsApp as the press contact publishes them to confirmed bookings. */
export interface DayOfContact {
  name: string;
  email: string;
  /** E.164, e.g. "+41780000000". */
  phone?: string;
  whatsapp?: string;
}

export interface ReminderEmailOptions {
  details: InterviewDetails;
  recipient: InterviewViewer;
  offsetMinutes: number;
  dayOfContact: DayOfContact;
}

/**
 * The subject, also stored on the outbox row when the reminder is queued, so
 * the mail view shows exactly what was sent:
 * "Reminder: interview in 1 hour, Mon 29 Mar 09:00 Zurich time (IR-7KQ2)".
 */
export function reminderSubject(options: { reference: string; start: Date; recipientTimeZone: string; offsetMinutes: number }): string {
  const reference = sanitizeHeaderText(options.reference, 40);
  return `Reminder: interview in ${describeOffset(options.offsetMinutes)}, ${formatShortStartInZone(options.start, options.recipientTimeZone)} (${reference})`;
}

/** `{ subject, text, html }` of one reminder. Throws RangeError for an unknown zone (validated long before). */
export function composeReminderEmail(options: ReminderEmailOptions): { subject: string; text: string; html: string } {
  const { details, recipient, dayOfContact } = options;
  const description = describeInterview(details, recipient);
  const other = recipient === 'reporter' ? details.spokesperson.name : `${details.reporter.name} (${details.reporter.outlet})`;
  const subject = reminderSubject({
    reference: details.reference,
    start: details.start,
    recipientTimeZone: recipient === 'reporter' ? details.reporter.timeZone : details.spokesperson.timeZone,
    offsetMinutes: options.offsetMinutes,
  });
  const contactLines: BodyLine[] = [sanitizeHeaderText(dayOfContact.name, 120)];
  if (dayOfContact.phone) contactLines.push({ text: `Phone ${dayOfContact.phone}`, href: `tel:${dayOfContact.phone}` });
  const whatsapp = dayOfContact.whatsapp ? buildWhatsAppLink(dayOfContact.whatsapp) : null;
  if (dayOfContact.whatsapp && whatsapp) contactLines.push({ text: `WhatsApp ${dayOfContact.whatsapp}`, href: whatsapp });
  contactLines.push({ text: dayOfContact.email, href: `mailto:${dayOfContact.email}` });
  const body = renderEmailBody({
    title: `Your interview with ${sanitizeHeaderText(other, 200)} is in ${describeOffset(options.offsetMinutes)}`,
    blocks: [
      { kind: 'paragraph', text: `A reminder: your interview with ${sanitizeHeaderText(other, 200)} starts ${description.whenLines[0]}.` },
      { kind: 'fields', fields: description.fields },
      { kind: 'fields', fields: [{ label: 'On the day, if anything goes wrong, contact', lines: contactLines }] },
    ],
    footer: 'You receive this because the interview is booked through the press office. The calendar invite you received earlier has the same details.',
  });
  return { subject, ...body };
}

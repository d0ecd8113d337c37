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
import { mailTranslator, type MailLanguage, type MailTranslate } from './mail-language';

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
export function reminderSubject(options: { reference: string; start: Date; recipientTimeZone: string; offsetMinutes: number; language?: MailLanguage }): string {
  const language = options.language ?? 'en';
  const t = mailTranslator(language);
  return t('reminder.subject', {
    offset: describeLead(options.offsetMinutes, t),
    when: formatShortStartInZone(options.start, options.recipientTimeZone, language),
    reference: sanitizeHeaderText(options.reference, 40),
  });
}

/** "2 days", "1 hour", "45 minutes" (whole days only beyond one day: "24 hours" reads better than "1 day"). */
export function describeLead(offsetMinutes: number, t: MailTranslate = mailTranslator('en')): string {
  if (offsetMinutes % (24 * 60) === 0 && offsetMinutes > 24 * 60) return t('offset.days', { count: offsetMinutes / (24 * 60) });
  if (offsetMinutes % 60 === 0) return t('offset.hours', { count: offsetMinutes / 60 });
  return t('offset.minutes', { count: offsetMinutes });
}

/** `{ subject, text, html }` of one reminder. Throws RangeError for an unknown zone (validated long before). */
export function composeReminderEmail(options: ReminderEmailOptions): { subject: string; text: string; html: string } {
  const { details, recipient, dayOfContact } = options;
  const description = describeInterview(details, recipient);
  const { language } = description;
  const t = mailTranslator(language);
  const other = recipient === 'reporter' ? details.spokesperson.name : `${details.reporter.name} (${details.reporter.outlet})`;
  const subject = reminderSubject({
    reference: details.reference,
    start: details.start,
    recipientTimeZone: recipient === 'reporter' ? details.reporter.timeZone : details.spokesperson.timeZone,
    offsetMinutes: options.offsetMinutes,
    language,
  });
  const contactLines: BodyLine[] = [sanitizeHeaderText(dayOfContact.name, 120)];
  if (dayOfContact.phone) contactLines.push({ text: t('reminder.phone', { number: dayOfContact.phone }), href: `tel:${dayOfContact.phone}` });
  const whatsapp = dayOfContact.whatsapp ? buildWhatsAppLink(dayOfContact.whatsapp) : null;
  if (dayOfContact.whatsapp && whatsapp) contactLines.push({ text: t('reminder.whatsapp', { number: dayOfContact.whatsapp }), href: whatsapp });
  contactLines.push({ text: dayOfContact.email, href: `mailto:${dayOfContact.email}` });
  const body = renderEmailBody({
    language,
    title: t('reminder.title', { other: sanitizeHeaderText(other, 200), offset: describeLead(options.offsetMinutes, t) }),
    blocks: [
      { kind: 'paragraph', text: t('reminder.intro', { other: sanitizeHeaderText(other, 200), when: description.whenLines[0]! }) },
      { kind: 'fields', fields: description.fields },
      { kind: 'fields', fields: [{ label: t('reminder.contact'), lines: contactLines }] },
    ],
    footer: t('reminder.footer'),
  });
  return { subject, ...body };
}

/**
 * Plain notification emails, the ones that carry no calendar invite: request
 * received, declined, other times proposed, cancelled, expired, and the desk's
 * "new request". Pure: subject and bodies from data, no database, no clock.
 *
 * Every time shown says its zone and appears in both the reporter's and the
 * other party's zone, the reader's own first (DESIGN.md rule 1).
 */
import { formatLanguageName } from './format-language-name';
import { formatInstantInZones, formatIntervalInZones, type TimeInterval } from './format-local-time';
import { renderEmailBody, type BodyBlock, type BodyField } from './render-email-body';
import { sanitizeHeaderText } from './sanitize-header-text';
import type { InterviewAttribution, InterviewFormat } from './describe-interview';
import { mailTranslator, type MailLanguage, type MailMessageKey, type MailTranslate } from './mail-language';

export interface PressOfficerContact {
  name: string;
  email: string;
  phone?: string;
}

/**
 * What every email to the reporter carries besides its data: the language of
 * their pages (InterviewRequest.reporterLocale), which the email is written
 * in, dates included. English when absent.
 */
interface ToReporter {
  language?: MailLanguage;
}

/** The data each notification needs, by kind. Instants are `Date`s; zones are IANA names. */
export interface NotificationDataByKind {
  /** To the reporter, right after `requests.create`. */
  request_received: ToReporter & {
    reference: string;
    reporterName: string;
    reporterTimeZone: string;
    /** Absent when the reporter asked for "anyone on this topic". */
    spokesperson?: { name: string; timeZone: string };
    topic: string;
    /** The slot the reporter picked, if any. */
    requestedSlot?: TimeInterval;
    manageUrl: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter. */
  request_declined: ToReporter & {
    reference: string;
    reporterName: string;
    spokespersonName?: string;
    topic: string;
    /** The press officer's words; shown as written. */
    reason: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter: the press office offers other times; the reporter picks one through the manage link. */
  times_proposed: ToReporter & {
    reference: string;
    reporterName: string;
    reporterTimeZone: string;
    spokesperson: { name: string; timeZone: string };
    topic: string;
    proposals: TimeInterval[];
    /** Optional note from the press officer. */
    message?: string;
    manageUrl: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter, whichever side cancelled. */
  request_cancelled: ToReporter & {
    reference: string;
    reporterName: string;
    topic: string;
    /** Same values as InterviewRequest.cancelledBy. */
    cancelledBy: 'reporter' | 'desk';
    reason?: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter: the deadline passed without an answer. */
  request_expired: ToReporter & {
    reference: string;
    reporterName: string;
    reporterTimeZone: string;
    topic: string;
    deadline: Date;
    pressOfficer: PressOfficerContact;
  };
  /** To the press desk. */
  desk_new_request: {
    reference: string;
    reporter: { name: string; email: string; outlet: string; timeZone: string };
    spokesperson?: { name: string; timeZone: string };
    topic: string;
    format: InterviewFormat;
    language: string;
    attribution: InterviewAttribution;
    /** The reporter's deadline, if they gave one. */
    deadline?: Date;
    requestedSlot?: TimeInterval;
    /** The zone the desk reads times in (the press office's). */
    deskTimeZone: string;
    /** Link to the request in the staff interface. */
    deskUrl: string;
  };
}

export type NotificationKind = keyof NotificationDataByKind;

/** `{ kind, data }` pairs, for callers that store a notification before rendering it. */
export type Notification = { [K in NotificationKind]: { kind: K; data: NotificationDataByKind[K] } }[NotificationKind];

export interface RenderedEmail {
  /** One line: never contains CR or LF. */
  subject: string;
  text: string;
  html: string;
}

const FORMAT_NAMES: Record<InterviewFormat, string> = {
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  video: 'Video call',
  studio: 'Studio',
  in_person: 'In person',
  written: 'Written',
};

const ATTRIBUTION_NAMES: Record<InterviewAttribution, string> = {
  on_record: 'On the record',
  background: 'On background',
  off_record: 'Off the record',
};


/**
 * Renders one notification to a subject and text/HTML bodies.
 *
 * Guarantees: the subject is one line (CR/LF and controls removed) with the
 * reference in it; all user text in the HTML is escaped and only http(s)
 * links are clickable; every time names its zone and appears in the reader's
 * zone first and the other party's second; output does not depend on the
 * process time zone or locale. Throws `RangeError` for an unknown time zone.
 */
export function renderNotification<K extends NotificationKind>(kind: K, data: NotificationDataByKind[K]): RenderedEmail {
  const notification = { kind, data } as Notification;
  // Staff read English; the reporter reads the language of their pages.
  const language: MailLanguage = kind === 'desk_new_request' ? 'en' : ((data as ToReporter).language ?? 'en');
  const t = mailTranslator(language);
  const { subject, title, blocks } = describeNotification(notification, t, language);
  const body = renderEmailBody({ language, title, blocks, footer: t('footer') });
  return { subject: sanitizeHeaderText(subject, 250), text: body.text, html: body.html };
}

const SUBJECT_KEYS = {
  request_received: 'received.subject',
  request_declined: 'declined.subject',
  times_proposed: 'proposed.subject',
  request_cancelled: 'cancelled.subject',
  request_expired: 'expired.subject',
} as const satisfies Record<Exclude<NotificationKind, 'desk_new_request'>, MailMessageKey>;

/**
 * The subject of a notice to the reporter, in their language: also stored on
 * the outbox row when it is queued, so the mail view shows what is sent.
 * Only the reference is quoted: no text of the request, no time.
 */
export function reporterNoticeSubject(kind: keyof typeof SUBJECT_KEYS, reference: string, language: MailLanguage = 'en'): string {
  return sanitizeHeaderText(mailTranslator(language)(SUBJECT_KEYS[kind], { reference }), 250);
}

interface NotificationContent {
  subject: string;
  title: string;
  blocks: BodyBlock[];
}

function describeNotification(notification: Notification, t: MailTranslate, language: MailLanguage): NotificationContent {
  switch (notification.kind) {
    case 'request_received': {
      const data = notification.data;
      const fields: BodyField[] = [
        { label: t('field.reference'), lines: [data.reference] },
        { label: t('field.spokesperson'), lines: [data.spokesperson?.name ?? t('received.anySpokesperson')] },
        { label: t('field.topic'), lines: [data.topic] },
      ];
      if (data.requestedSlot) {
        fields.push({
          label: t('field.requestedTime'),
          lines: formatIntervalInZones(data.requestedSlot, zonesOf(data.reporterTimeZone, data.spokesperson?.timeZone), language),
        });
      }
      fields.push(pressOfficerField(data.pressOfficer, t));
      return {
        subject: reporterNoticeSubject('request_received', data.reference, language),
        title: t('received.title'),
        blocks: [
          { kind: 'paragraph', text: t('received.intro', { name: data.reporterName }) },
          { kind: 'fields', fields },
          { kind: 'paragraph', text: t('received.keepPrivate') },
          { kind: 'action', text: t('received.action'), href: data.manageUrl },
        ],
      };
    }
    case 'request_declined': {
      const data = notification.data;
      return {
        subject: reporterNoticeSubject('request_declined', data.reference, language),
        title: t('declined.title'),
        blocks: [
          {
            kind: 'paragraph',
            text: data.spokespersonName
              ? t('declined.introWith', { name: data.reporterName, spokesperson: data.spokespersonName })
              : t('declined.intro', { name: data.reporterName }),
          },
          {
            kind: 'fields',
            fields: [
              { label: t('field.reference'), lines: [data.reference] },
              { label: t('field.topic'), lines: [data.topic] },
              { label: t('field.reason'), lines: [data.reason] },
              pressOfficerField(data.pressOfficer, t),
            ],
          },
        ],
      };
    }
    case 'times_proposed': {
      const data = notification.data;
      const zones = zonesOf(data.reporterTimeZone, data.spokesperson.timeZone);
      const blocks: BodyBlock[] = [
        {
          kind: 'paragraph',
          text: t('proposed.intro', { name: data.reporterName, spokesperson: data.spokesperson.name }),
        },
      ];
      if (data.message && data.message.trim() !== '') {
        blocks.push({ kind: 'paragraph', text: t('proposed.note', { message: data.message }) });
      }
      blocks.push(
        {
          kind: 'fields',
          fields: data.proposals.map((proposal, index) => ({
            label: t('field.option', { number: index + 1 }),
            lines: formatIntervalInZones(proposal, zones, language),
          })),
        },
        {
          kind: 'fields',
          fields: [
            { label: t('field.reference'), lines: [data.reference] },
            { label: t('field.topic'), lines: [data.topic] },
            pressOfficerField(data.pressOfficer, t),
          ],
        },
        { kind: 'action', text: t('proposed.action'), href: data.manageUrl },
      );
      return { subject: reporterNoticeSubject('times_proposed', data.reference, language), title: t('proposed.title'), blocks };
    }
    case 'request_cancelled': {
      const data = notification.data;
      const fields: BodyField[] = [
        { label: t('field.reference'), lines: [data.reference] },
        { label: t('field.topic'), lines: [data.topic] },
      ];
      if (data.reason && data.reason.trim() !== '') fields.push({ label: t('field.reason'), lines: [data.reason] });
      fields.push(pressOfficerField(data.pressOfficer, t));
      return {
        subject: reporterNoticeSubject('request_cancelled', data.reference, language),
        title: t('cancelled.title'),
        blocks: [
          {
            kind: 'paragraph',
            text: t(data.cancelledBy === 'reporter' ? 'cancelled.byReporter' : 'cancelled.byDesk', { name: data.reporterName }),
          },
          { kind: 'fields', fields },
        ],
      };
    }
    case 'request_expired': {
      const data = notification.data;
      return {
        subject: reporterNoticeSubject('request_expired', data.reference, language),
        title: t('expired.title'),
        blocks: [
          { kind: 'paragraph', text: t('expired.intro', { name: data.reporterName }) },
          {
            kind: 'fields',
            fields: [
              { label: t('field.reference'), lines: [data.reference] },
              { label: t('field.topic'), lines: [data.topic] },
              { label: t('field.deadline'), lines: formatInstantInZones(data.deadline, [data.reporterTimeZone], language) },
              pressOfficerField(data.pressOfficer, t),
            ],
          },
        ],
      };
    }
    case 'desk_new_request': {
      const data = notification.data;
      const fields: BodyField[] = [
        { label: 'Reference', lines: [data.reference] },
        {
          label: 'Reporter',
          lines: [`${data.reporter.name}, ${data.reporter.outlet}`, { text: data.reporter.email, href: `mailto:${data.reporter.email}` }],
        },
        { label: 'Spokesperson', lines: [data.spokesperson?.name ?? 'Anyone on this topic'] },
        { label: 'Topic', lines: [data.topic] },
        { label: 'Format', lines: [FORMAT_NAMES[data.format]] },
        { label: 'Language', lines: [formatLanguageName(data.language)] },
        { label: 'Attribution', lines: [ATTRIBUTION_NAMES[data.attribution]] },
      ];
      if (data.deadline) {
        fields.push({
          label: 'Deadline',
          lines: formatInstantInZones(data.deadline, zonesOf(data.deskTimeZone, data.reporter.timeZone)),
        });
      }
      if (data.requestedSlot) {
        fields.push({
          label: 'Requested time',
          lines: formatIntervalInZones(data.requestedSlot, zonesOf(data.deskTimeZone, data.spokesperson?.timeZone, data.reporter.timeZone)),
        });
      }
      return {
        subject: `New interview request ${data.reference}: ${data.reporter.outlet} – ${data.spokesperson?.name ?? data.topic}`,
        title: 'New interview request',
        blocks: [{ kind: 'fields', fields }, { kind: 'action', text: 'Open the request', href: data.deskUrl }],
      };
    }
  }
}

function pressOfficerField(pressOfficer: PressOfficerContact, t: MailTranslate): BodyField {
  return {
    label: t('field.pressOfficer'),
    lines: [
      pressOfficer.name,
      { text: pressOfficer.email, href: `mailto:${pressOfficer.email}` },
      ...(pressOfficer.phone ? [pressOfficer.phone] : []),
    ],
  };
}

function zonesOf(...zones: Array<string | undefined>): string[] {
  return zones.filter((zone): zone is string => zone !== undefined);
}

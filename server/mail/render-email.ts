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

export interface PressOfficerContact {
  name: string;
  email: string;
  phone?: string;
}

/** The data each notification needs, by kind. Instants are `Date`s; zones are IANA names. */
export interface NotificationDataByKind {
  /** To the reporter, right after `requests.create`. */
  request_received: {
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
  request_declined: {
    reference: string;
    reporterName: string;
    spokespersonName?: string;
    topic: string;
    /** The press officer's words; shown as written. */
    reason: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter: the press office offers other times; the reporter picks one through the manage link. */
  times_proposed: {
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
  request_cancelled: {
    reference: string;
    reporterName: string;
    topic: string;
    /** Same values as InterviewRequest.cancelledBy. */
    cancelledBy: 'reporter' | 'desk';
    reason?: string;
    pressOfficer: PressOfficerContact;
  };
  /** To the reporter: the deadline passed without an answer. */
  request_expired: {
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

const FOOTER = 'Sent by the press office with Interview Desk.';

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
  const { subject, title, blocks } = describeNotification(notification);
  const body = renderEmailBody({ title, blocks, footer: FOOTER });
  return { subject: sanitizeHeaderText(subject, 250), text: body.text, html: body.html };
}

interface NotificationContent {
  subject: string;
  title: string;
  blocks: BodyBlock[];
}

function describeNotification(notification: Notification): NotificationContent {
  switch (notification.kind) {
    case 'request_received': {
      const data = notification.data;
      const fields: BodyField[] = [
        { label: 'Reference', lines: [data.reference] },
        { label: 'Spokesperson', lines: [data.spokesperson?.name ?? 'The press office will choose who is best placed'] },
        { label: 'Topic', lines: [data.topic] },
      ];
      if (data.requestedSlot) {
        fields.push({
          label: 'Requested time',
          lines: formatIntervalInZones(data.requestedSlot, zonesOf(data.reporterTimeZone, data.spokesperson?.timeZone)),
        });
      }
      fields.push(pressOfficerField(data.pressOfficer));
      return {
        subject: `Interview request received: ${data.reference}`,
        title: 'We have your interview request',
        blocks: [
          { kind: 'paragraph', text: `Dear ${data.reporterName}, thank you. The press office will reply as soon as it can; nothing is confirmed until you receive a calendar invitation.` },
          { kind: 'fields', fields },
          { kind: 'paragraph', text: 'Keep this link private: anyone with it can cancel your request or ask to move it.' },
          { kind: 'action', text: 'See, cancel or change your request', href: data.manageUrl },
        ],
      };
    }
    case 'request_declined': {
      const data = notification.data;
      return {
        subject: `Interview request declined: ${data.reference}`,
        title: 'Your interview request was declined',
        blocks: [
          {
            kind: 'paragraph',
            text: `Dear ${data.reporterName}, we are sorry: the press office cannot arrange this interview${data.spokespersonName ? ` with ${data.spokespersonName}` : ''}.`,
          },
          {
            kind: 'fields',
            fields: [
              { label: 'Reference', lines: [data.reference] },
              { label: 'Topic', lines: [data.topic] },
              { label: 'Reason', lines: [data.reason] },
              pressOfficerField(data.pressOfficer),
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
          text: `Dear ${data.reporterName}, ${data.spokesperson.name} cannot do the time you asked for, but could do one of these. Pick one with the link below.`,
        },
      ];
      if (data.message && data.message.trim() !== '') {
        blocks.push({ kind: 'paragraph', text: `Note from the press office: ${data.message}` });
      }
      blocks.push(
        {
          kind: 'fields',
          fields: data.proposals.map((proposal, index) => ({
            label: `Option ${index + 1}`,
            lines: formatIntervalInZones(proposal, zones),
          })),
        },
        {
          kind: 'fields',
          fields: [
            { label: 'Reference', lines: [data.reference] },
            { label: 'Topic', lines: [data.topic] },
            pressOfficerField(data.pressOfficer),
          ],
        },
        { kind: 'action', text: 'Choose a time', href: data.manageUrl },
      );
      return { subject: `Other times proposed: ${data.reference}`, title: 'Other times for your interview', blocks };
    }
    case 'request_cancelled': {
      const data = notification.data;
      const what =
        data.cancelledBy === 'reporter' ? 'as you asked, your interview request is cancelled.' : 'the press office has cancelled your interview request.';
      const fields: BodyField[] = [
        { label: 'Reference', lines: [data.reference] },
        { label: 'Topic', lines: [data.topic] },
      ];
      if (data.reason && data.reason.trim() !== '') fields.push({ label: 'Reason', lines: [data.reason] });
      fields.push(pressOfficerField(data.pressOfficer));
      return {
        subject: `Interview request cancelled: ${data.reference}`,
        title: 'Interview request cancelled',
        blocks: [
          {
            kind: 'paragraph',
            text: `Dear ${data.reporterName}, ${what}`,
          },
          { kind: 'fields', fields },
        ],
      };
    }
    case 'request_expired': {
      const data = notification.data;
      return {
        subject: `Interview request expired: ${data.reference}`,
        title: 'Your interview request expired',
        blocks: [
          {
            kind: 'paragraph',
            text: `Dear ${data.reporterName}, we are sorry: the press office could not answer your request before your deadline, so it has been closed. If you still need a comment, please contact the press officer below.`,
          },
          {
            kind: 'fields',
            fields: [
              { label: 'Reference', lines: [data.reference] },
              { label: 'Topic', lines: [data.topic] },
              { label: 'Deadline', lines: formatInstantInZones(data.deadline, [data.reporterTimeZone]) },
              pressOfficerField(data.pressOfficer),
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

function pressOfficerField(pressOfficer: PressOfficerContact): BodyField {
  return {
    label: 'Press officer',
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

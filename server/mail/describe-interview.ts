/**
 * What an interview invite says, for one viewer: the calendar SUMMARY,
 * LOCATION and DESCRIPTION, and the same facts as fields for the email body.
 * Pure: no database, no clock, no process time zone.
 */
import { buildWhatsAppLink } from './build-whatsapp-link';
import { renderFieldsAsText, type BodyField, type BodyLine } from './render-email-body';
import { formatLanguageName } from './format-language-name';
import { formatIntervalInZones } from './format-local-time';
import { sanitizeHeaderText, truncateText } from './sanitize-header-text';
import { sanitizeText } from '../invites/sanitize-text';
import { mailLanguageOf, mailTranslator, type MailLanguage, type MailTranslate } from './mail-language';

export type InterviewFormat = 'phone' | 'whatsapp' | 'video' | 'studio' | 'in_person' | 'written';
export type InterviewAttribution = 'on_record' | 'background' | 'off_record';
export type InterviewViewer = 'reporter' | 'spokesperson';

/** Everything an invite or its email needs to know about one confirmed interview. */
export interface InterviewDetails {
  /** The request's human-readable reference code. */
  reference: string;
  /** `timeZone` is an IANA name, e.g. "Europe/Zurich". */
  spokesperson: { name: string; email: string; timeZone: string };
  /**
   * `phone`/`whatsapp` in E.164 where known, e.g. "+41780000000". `locale`: the
   * language of the reporter's pages (en, fr, es), which their emails and their
   * copy of the invite are written in; English when absent.
   */
  reporter: { name: string; email: string; outlet: string; timeZone: string; phone?: string; whatsapp?: string; locale?: string };
  start: Date;
  end: Date;
  format: InterviewFormat;
  /**
   * `dialIn`: the number the reporter calls; `whatsapp`: the WhatsApp number the
   * reporter calls; `videoUrl`: the meeting link; `studioAddress`/`address`: where to go.
   */
  formatDetails: { dialIn?: string; whatsapp?: string; videoUrl?: string; studioAddress?: string; address?: string };
  topic: string;
  attribution: InterviewAttribution;
  /** BCP 47, e.g. "en", "fr-CH". */
  language: string;
  pressOfficer: { name: string; email: string; phone?: string };
  /** The reporter's private manage link (cancel or ask to move). Shown to the reporter only. */
  manageUrl?: string;
}

export interface InterviewDescription {
  /** The language it is written in: the reporter's for the reporter, English for the spokesperson. */
  language: MailLanguage;
  /** "Interview: <spokesperson> – <outlet>" (en dash), one line, in `language`. */
  summary: string;
  /** Where or how to meet, one line; e.g. "Video call: https://…". */
  location: string;
  /** The calendar DESCRIPTION: plain text, LF line ends. */
  descriptionText: string;
  /** The interview's local times, the viewer's zone first. */
  whenLines: string[];
  /** The same facts as `descriptionText`, structured for the HTML body. */
  fields: BodyField[];
}

/** Bounds that keep every piece within createInvite's limits (SUMMARY 500, LOCATION 1,000, DESCRIPTION 20,000). */
const MAX_NAME_LENGTH = 120;
const MAX_LOCATION_PART_LENGTH = 400;
const MAX_TOPIC_LENGTH = 4_000;
const EN_DASH = '\u2013';

/**
 * Describes an interview for the reporter or the spokesperson.
 *
 * Guarantees:
 * - `summary` is exactly "Interview: <spokesperson> – <outlet>" and, like
 *   `location`, a single line (no CR/LF, no controls);
 * - `whenLines` hold both parties' local times with their zones, computed with
 *   luxon in their IANA zones (never the process TZ), the viewer's zone first;
 *   one line if both share a zone;
 * - the manage link appears for the reporter only (it carries their secret token);
 * - the same input gives the same output on any server.
 *
 * Throws `RangeError` for an unknown time zone or an end not after the start:
 * both are validated long before an interview exists, so this is a programming error.
 */
export function describeInterview(details: InterviewDetails, viewer: InterviewViewer): InterviewDescription {
  const language = viewerLanguage(details, viewer);
  const t = mailTranslator(language);
  if (!(details.end.getTime() > details.start.getTime())) {
    throw new RangeError('The interview must end after it starts');
  }
  const spokesperson = formatName(details.spokesperson.name);
  const reporter = formatName(details.reporter.name);
  const outlet = formatName(details.reporter.outlet);
  const viewerZone = viewer === 'reporter' ? details.reporter.timeZone : details.spokesperson.timeZone;
  const otherZone = viewer === 'reporter' ? details.spokesperson.timeZone : details.reporter.timeZone;
  const whenLines = formatIntervalInZones({ start: details.start, end: details.end }, [viewerZone, otherZone], language);
  const meeting = describeMeeting(details, { spokesperson, reporter }, t);

  const fields: BodyField[] = [
    { label: t('field.when'), lines: whenLines },
    { label: t('field.spokesperson'), lines: [spokesperson] },
    { label: t('field.reporter'), lines: [describeReporter(details, viewer, { reporter, outlet })] },
    { label: t('field.format'), lines: meeting.lines },
    { label: t('field.topic'), lines: [truncateText(sanitizeText(details.topic).trim(), MAX_TOPIC_LENGTH)] },
    { label: t('field.language'), lines: [formatLanguageName(details.language, language)] },
    // One line per attribution term, so nobody has to know the jargon.
    { label: t('field.attribution'), lines: [t(`attribution.${details.attribution}`, { spokesperson })] },
    { label: t('field.pressOfficer'), lines: [describePressOfficer(details.pressOfficer)] },
    { label: t('field.reference'), lines: [sanitizeHeaderText(details.reference, MAX_NAME_LENGTH)] },
  ];
  if (viewer === 'reporter' && details.manageUrl) {
    const manageUrl = sanitizeText(details.manageUrl).trim();
    fields.push({ label: t('field.manageLink'), lines: [{ text: manageUrl, href: manageUrl }] });
  }

  return {
    language,
    summary: t('invite.summary', { spokesperson, outlet }),
    location: meeting.location,
    descriptionText: renderFieldsAsText(fields),
    whenLines,
    fields,
  };
}

interface MeetingDescription {
  /** One line for LOCATION. */
  location: string;
  /** The format explained, for the description. */
  lines: BodyLine[];
}

/**
 * LOCATION and the format lines. The wording is the same for both viewers
 * (names, not "you"), so both calendar copies of the event say the same, each
 * in its reader's language.
 */
function describeMeeting(details: InterviewDetails, names: { spokesperson: string; reporter: string }, t: MailTranslate): MeetingDescription {
  const { spokesperson, reporter } = names;
  const { formatDetails } = details;
  const label = t(`format.${details.format}`);
  const part = (value: string | undefined) => (value === undefined ? '' : sanitizeHeaderText(value, MAX_LOCATION_PART_LENGTH));

  switch (details.format) {
    case 'phone': {
      const dialIn = part(formatDetails.dialIn);
      const reporterPhone = part(details.reporter.phone);
      const how =
        dialIn !== ''
          ? t('meeting.callsOn', { caller: reporter, callee: spokesperson, number: dialIn })
          : reporterPhone !== ''
            ? t('meeting.callsOn', { caller: spokesperson, callee: reporter, number: reporterPhone })
            : t('meeting.numberToFollow');
      return { location: `${label}: ${how}`, lines: [`${label} ${EN_DASH} ${how}`] };
    }
    case 'whatsapp': {
      const pressNumber = part(formatDetails.whatsapp);
      const reporterNumber = part(details.reporter.whatsapp);
      const [caller, callee, number] =
        pressNumber !== '' ? [reporter, spokesperson, pressNumber] : reporterNumber !== '' ? [spokesperson, reporter, reporterNumber] : ['', '', ''];
      if (number === '') {
        const who = t('meeting.numberToFollow');
        return { location: `${label}: ${who}`, lines: [`${label} ${EN_DASH} ${who}`] };
      }
      const link = buildWhatsAppLink(number);
      return {
        location: `${label}: ${t('meeting.callsOn', { caller, callee, number: link ?? number })}`,
        lines: [`${label} ${EN_DASH} ${t('meeting.callsOn', { caller, callee, number })}`, ...(link ? [{ text: link, href: link }] : [])],
      };
    }
    case 'video': {
      const videoUrl = readHttpUrl(formatDetails.videoUrl);
      if (videoUrl === null) {
        return { location: `${label}: ${t('meeting.linkToFollow')}`, lines: [`${label} ${EN_DASH} ${t('meeting.linkToFollow')}`] };
      }
      return { location: `${label}: ${videoUrl}`, lines: [{ text: label, href: videoUrl }] };
    }
    case 'studio':
    case 'in_person': {
      const address = part(details.format === 'studio' ? formatDetails.studioAddress : formatDetails.address);
      const where = address === '' ? t('meeting.addressToFollow') : address;
      return { location: `${label}: ${where}`, lines: [`${label} ${EN_DASH} ${where}`] };
    }
    case 'written':
      return { location: t('meeting.written'), lines: [label] };
  }
}

/** The reporter reads their copy in their language; the spokesperson's copy is English (staff). */
export function viewerLanguage(details: Pick<InterviewDetails, 'reporter'>, viewer: InterviewViewer): MailLanguage {
  return viewer === 'reporter' ? mailLanguageOf(details.reporter.locale) : 'en';
}

/** The reporter as each viewer needs them: the spokesperson also gets contact details. */
function describeReporter(details: InterviewDetails, viewer: InterviewViewer, names: { reporter: string; outlet: string }): string {
  const base = `${names.reporter}, ${names.outlet}`;
  if (viewer === 'reporter') return base;
  const contact = [details.reporter.email, details.reporter.phone]
    .filter((value): value is string => Boolean(value))
    .map((value) => sanitizeHeaderText(value, MAX_LOCATION_PART_LENGTH));
  return [base, ...contact].join(', ');
}

function describePressOfficer(pressOfficer: InterviewDetails['pressOfficer']): string {
  return [pressOfficer.name, pressOfficer.email, pressOfficer.phone]
    .filter((value): value is string => Boolean(value && value.trim()))
    .map((value) => sanitizeHeaderText(value, MAX_NAME_LENGTH))
    .join(', ');
}

function formatName(name: string): string {
  return sanitizeHeaderText(name, MAX_NAME_LENGTH);
}

function readHttpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

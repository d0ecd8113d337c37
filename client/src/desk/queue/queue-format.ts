// Words and times for the request queue: every time says its zone, and the
// spokesperson's local time is given beside the viewer's (DESIGN.md rule 1).
import { TRPCClientError } from '@trpc/client';
import { formatDateTime, formatTime, zoneCity } from '../../time';

export const requestStatuses = ['pending', 'proposed', 'approved', 'declined', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
/** What "the queue" means by default: requests still waiting for someone. */
export const openStatuses: RequestStatus[] = ['pending', 'proposed'];

export const statusLabels: Record<RequestStatus, string> = {
  pending: 'Pending',
  proposed: 'Proposed (waiting for the reporter)',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export function describeStatus(status: string, cancelledBy: string | null): string {
  switch (status) {
    case 'pending':
      return 'Pending: waiting for the press office';
    case 'proposed':
      return 'Proposed: waiting for the reporter to pick one of the times offered';
    case 'approved':
      return 'Approved: the interview is booked';
    case 'declined':
      return 'Declined';
    case 'cancelled':
      return cancelledBy ? `Cancelled by the ${cancelledBy === 'desk' ? 'press office' : cancelledBy}` : 'Cancelled';
    case 'expired':
      return 'Expired: the deadline passed unanswered';
    default:
      return status;
  }
}


/** Under this much time left a request is flagged as due soon. */
const SOON_MINUTES = 3 * 60;

function plural(count: number, unit: string) {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "45 minutes", "5 hours 20 minutes", "3 days 4 hours": precise enough to triage by. */
export function durationInWords(minutes: number): string {
  if (minutes < 60) return plural(minutes, 'minute');
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return plural(Math.floor(minutes / 60), 'hour') + (rest ? ` ${plural(rest, 'minute')}` : '');
  }
  const hours = Math.floor(minutes / 60) % 24;
  return plural(Math.floor(minutes / 1440), 'day') + (hours ? ` ${plural(hours, 'hour')}` : '');
}

/** Time to a deadline in words, and how urgent it is (said in the text too, never by colour alone). */
export function describeTimeLeft(deadline: string, now: number): { text: string; urgency: 'overdue' | 'soon' | 'later' } {
  const minutes = Math.floor((Date.parse(deadline) - now) / 60_000);
  if (minutes < 0) return { text: `Overdue: deadline passed ${durationInWords(-minutes)} ago`, urgency: 'overdue' };
  if (minutes < SOON_MINUTES) return { text: `Due soon: ${durationInWords(minutes)} left`, urgency: 'soon' };
  return { text: `${durationInWords(minutes)} left`, urgency: 'later' };
}

export function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

/**
 * An instant in the viewer's zone, then in the spokesperson's: "Mon 3 Mar, 14:00 CET ·
 * Mon 3 Mar, 22:00 GMT+9 for Aiko in Tokyo". When both share a zone, it says so.
 */
export function inBothZones(iso: string, viewerZone: string, person: { name: string; timeZone: string } | null | undefined): string {
  const mine = formatDateTime(iso, viewerZone);
  if (!person) return mine;
  if (person.timeZone === viewerZone) return `${mine} (also ${firstName(person.name)}’s time in ${zoneCity(person.timeZone)})`;
  return `${mine} · ${formatDateTime(iso, person.timeZone)} for ${firstName(person.name)} in ${zoneCity(person.timeZone)}`;
}

/** "Mon 3 Mar, 14:00 – 14:30 CET" in a zone (falls back to start and end time). */
export function formatRange(start: string, end: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  if (typeof format.formatRange === 'function') return format.formatRange(new Date(start), new Date(end));
  return `${formatDateTime(start, timeZone)} to ${formatTime(end, timeZone)}`;
}

/** The server's per-field messages of a VALIDATION_FAILED answer. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCClientError)) return {};
  return (error.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
}

/** A number for a wa.me link: digits only. */
export function whatsappLink(e164: string): string {
  return `https://wa.me/${e164.replace(/\D/g, '')}`;
}

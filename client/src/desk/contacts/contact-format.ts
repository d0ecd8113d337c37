// How the media list names and formats things for people.
import { useEffect, useState } from 'react';

export const lawfulBasisNames: Record<string, string> = { consent: 'Consent', legitimate_interest: 'Legitimate interest', contract: 'Contract' };
export const channelNames: Record<string, string> = { email: 'Email', phone: 'Phone', whatsapp: 'WhatsApp' };
export const phoneKindNames: Record<string, string> = { cell: 'Mobile', work: 'Work', home: 'Home', voice: 'Other' };
export const outletKindNames: Record<string, string> = { print: 'Print', online: 'Online', tv: 'TV', radio: 'Radio', wire: 'Wire', podcast: 'Podcast', unknown: 'Kind not set' };
export const requestStatusNames: Record<string, string> = { pending: 'pending', proposed: 'other times proposed', approved: 'approved', declined: 'declined', cancelled: 'cancelled', expired: 'expired' };
export const interviewOutcomes: Record<string, string> = { confirmed: 'Confirmed', rescheduled: 'Rescheduled', cancelled: 'Cancelled', completed: 'Completed', no_show: 'No-show', cancelled_late: 'Cancelled late' };
export const duplicateReasons: Record<string, string> = { same_phone: 'same phone number', same_name_at_outlet: 'same name at the same outlet' };

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : undefined;
export function countryName(code: string): string {
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Date (with the year: a history spans years), time and zone name of an instant, e.g. "Tue, 1 Dec 2026, 16:41 GMT-8". */
export function formatHistoryTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** A date (no time) in the viewer's zone, e.g. "31 Oct 2020". */
export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "1 contact", "3 contacts". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Ticks every `intervalMs`, for "local time now" displays. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

type PhoneFormatter = (e164: string) => string;
let loadedPhoneFormatter: PhoneFormatter | null = null;

/**
 * E.164 numbers formatted for reading ("+41780000000" → "+41 78 000 00 00").
 * libphonenumber's metadata is loaded only when a contact card is opened, so
 * the public pages do not pay for it; until it arrives, and for a number it
 * cannot read, the number shows as stored.
 */
export function usePhoneFormatter(): PhoneFormatter {
  const [formatter, setFormatter] = useState<PhoneFormatter>(() => loadedPhoneFormatter ?? ((e164: string) => e164));
  useEffect(() => {
    if (loadedPhoneFormatter) return;
    let current = true;
    import('libphonenumber-js/min').then(
      ({ parsePhoneNumberFromString }) => {
        loadedPhoneFormatter = (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
        if (current) setFormatter(() => loadedPhoneFormatter!);
      },
      () => {
        // Offline or a failed chunk: the stored E.164 form is still correct.
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return formatter;
}

/** Starts a download of text the server produced (exports), without a round trip. */
export function downloadText(text: string, filename: string, contentType: string) {
  const url = URL.createObjectURL(new Blob([text], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The local time now in a zone, with the zone's short name, in the browser's locale. */
export function formatLocalTimeNow(timeZone: string, now = new Date(), locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(now);
}

/** "Geneva" from "Europe/Zurich"-style names is not derivable; show the city part of the IANA name. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

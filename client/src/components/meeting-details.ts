// Meeting details in words, as the invite will say them: pure, so the
// reporter's manage page can use it without loading the console's data layer.

export type MeetingDetails = { dialIn?: string; whatsapp?: string; videoUrl?: string; studioAddress?: string; address?: string; notes?: string };

/** The video interview still has no link: said in words wherever it is about to be booked or sent. */
export function linkToFollow(format: string, details: MeetingDetails): boolean {
  return format === 'video' && !details.videoUrl?.trim();
}

/** Only the fields that have a value, trimmed, for the server. */
export function compactDetails(details: MeetingDetails): MeetingDetails {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, value?.trim()]).filter(([, value]) => value)) as MeetingDetails;
}

/** The meeting details in words, as the invite will say them. */
export function describeDetails(format: string, details: MeetingDetails, reporterPhone: string | null): string {
  switch (format) {
    case 'video':
      return details.videoUrl?.trim() ? `Video call: ${details.videoUrl.trim()}` : 'Video call: link to follow from the press office (no link yet)';
    case 'phone':
      return details.dialIn?.trim() ? `Phone: the reporter calls ${details.dialIn.trim()}` : reporterPhone ? `Phone: the spokesperson calls the reporter on ${reporterPhone}` : 'Phone: the press office will confirm the number';
    case 'whatsapp':
      return details.whatsapp?.trim() ? `WhatsApp: the reporter calls ${details.whatsapp.trim()}` : 'WhatsApp: the spokesperson calls the reporter';
    case 'studio':
      return details.studioAddress?.trim() ? `Studio: ${details.studioAddress.trim()}` : 'Studio: address to follow from the press office';
    case 'in_person':
      return details.address?.trim() ? `In person: ${details.address.trim()}` : 'In person: address to follow from the press office';
    default:
      return 'Written: questions and answers by email';
  }
}

/** The meeting link to open, when there is one (validated http(s) by the server). */
export function meetingLink(format: string, details: MeetingDetails): string | null {
  const url = format === 'video' ? details.videoUrl?.trim() : undefined;
  return url && /^https?:\/\//.test(url) ? url : null;
}

import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * WhatsApp's click-to-chat link, `https://wa.me/<digits>`: the full
 * international number, digits only, without "+", "00" or a national trunk
 * "0". The number is read with libphonenumber, so the press-release style
 * "+41 (0) 78-000-0000" becomes https://wa.me/41780000000 (stripping
 * non-digits alone would keep the "(0)" and dial the wrong number).
 * Returns `null` unless the input is a possible number in international form.
 */
export function buildWhatsAppLink(phoneNumber: string): string | null {
  const parsed = parsePhoneNumberFromString(phoneNumber.trim());
  if (!parsed || !parsed.isPossible()) return null;
  return `https://wa.me/${parsed.number.replace(/\D/g, '')}`;
}

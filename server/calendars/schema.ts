import { z } from 'zod';
import { idSchema, oneLineText, opaqueText } from '../common/schema';

/** Addresses people paste: long Google/Outlook secret URLs fit well within this. */
const MAX_URL_LENGTH = 2_000;
/** Most CalDAV accounts hold a handful of calendars; bounds the work one connection costs. */
export const MAX_CALENDARS_PER_CONNECTION = 20;

const httpUrl = (schemes: RegExp, message: string) =>
  z
    .string()
    .trim()
    .max(MAX_URL_LENGTH)
    .refine((value) => {
      try {
        return schemes.test(new URL(value).protocol);
      } catch {
        return false;
      }
    }, message);

const label = oneLineText().min(1, 'Give the calendar a name, e.g. "Work"').max(100);

export const feedUrlSchema = httpUrl(/^(https?|webcals?):$/, 'Paste the calendar’s address (https:// or webcal://)');
export const serverUrlSchema = httpUrl(/^https?:$/, 'Enter the CalDAV server address (https://)');

const calDavCredentials = {
  serverUrl: serverUrlSchema,
  username: oneLineText().min(1, 'Enter the user name').max(200),
  password: opaqueText().min(1, 'Enter the app password').max(500),
};

export const listConnectionsInput = z.object({ spokespersonId: idSchema.optional() });
export const discoverCalDavInput = z.object(calDavCredentials);
export const addFeedInput = z.object({ spokespersonId: idSchema, label, url: feedUrlSchema });
export const addCalDavInput = z.object({
  spokespersonId: idSchema,
  label,
  ...calDavCredentials,
  calendars: z
    .array(z.object({ url: z.string().trim().url().max(MAX_URL_LENGTH), name: oneLineText().min(1).max(200) }))
    .min(1, 'Choose at least one calendar')
    .max(MAX_CALENDARS_PER_CONNECTION),
});
export const connectionIdInput = z.object({ connectionId: idSchema });
/** `calendarIndex`: which of the connection's chosen calendars shows the confirmed interviews; null for none. */
export const setWriteCalendarInput = z.object({ connectionId: idSchema, calendarIndex: z.number().int().min(0).max(MAX_CALENDARS_PER_CONNECTION - 1).nullable() });

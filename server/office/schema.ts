import { z } from 'zod';
import { idSchema, timeZoneSchema } from '../common/schema';

/** A short description: a sentence or two under the office's name on the reporter pages. */
export const MAX_OFFICE_DESCRIPTION_LENGTH = 1000;

const websiteSchema = z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with https:// or http://' })
  .max(300, 'A web address has at most 300 characters');

/** office.update: the whole profile (a form sends every field). */
export const officeProfileInput = z.object({
  name: z.string().trim().min(1, 'Enter the press office’s name').max(200),
  description: z.string().trim().max(MAX_OFFICE_DESCRIPTION_LENGTH, `A description has at most ${MAX_OFFICE_DESCRIPTION_LENGTH} characters`).default(''),
  website: websiteSchema.nullable().default(null),
  timeZone: timeZoneSchema,
  /** The press contact whose public channels the reporter pages show; null: none. */
  pressContactId: idSchema.nullable().default(null),
});

export type OfficeProfile = z.output<typeof officeProfileInput>;

import { z } from 'zod';
import { idSchema, instantSchema, multiLineText, oneLineText } from '../common/schema';

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Use lowercase letters, digits and dashes' }).max(120);

export const releaseInput = z.object({
  title: oneLineText().min(1, 'Enter a title').max(300),
  body: multiLineText().min(1, 'Enter the text').max(50_000),
  slug: slugSchema.optional(),
  /** Unset: a draft, not shown publicly. */
  publishedAt: instantSchema.nullable().default(null),
  /** Shown publicly only from this instant on. */
  embargoUntil: instantSchema.nullable().default(null),
  pressContactId: idSchema.nullable().default(null),
  /** In the order they should be listed. */
  spokespersonIds: z.array(idSchema).max(20).default([]),
});

export const updateReleaseInput = releaseInput.partial().extend({ id: idSchema });

import { z } from 'zod';
import { idSchema, instantSchema, multiLineText, oneLineText } from '../common/schema';

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Use lowercase letters, digits and dashes' }).max(120);

/** A release lists at most this many links: a links section, not a directory. */
export const MAX_RELEASE_LINKS = 20;

const linkSchema = z.object({
  label: oneLineText().min(1, 'Name the link').max(200),
  // Only web addresses: a javascript: or data: URL would run in a reader's browser.
  url: z.url({ protocol: /^https?$/, error: 'Use a web address starting with https:// or http://' }).max(2000),
});

export const releaseInput = z.object({
  title: oneLineText().min(1, 'Enter a title').max(300),
  /** Markdown; rendered to sanitised HTML by the server. */
  body: multiLineText().min(1, 'Enter the text').max(50_000),
  slug: slugSchema.optional(),
  /** Unset: a draft, not shown publicly. In the future: scheduled. */
  publishedAt: instantSchema.nullable().default(null),
  /** Shown publicly only from this instant on; before it, only through the preview link. */
  embargoUntil: instantSchema.nullable().default(null),
  /** What a reporter agrees to before reading or booking under embargo. */
  embargoTerms: multiLineText().max(2000).default(''),
  links: z.array(linkSchema).max(MAX_RELEASE_LINKS).default([]),
  pressContactId: idSchema.nullable().default(null),
  /** In the order they should be listed. */
  spokespersonIds: z.array(idSchema).max(20).default([]),
});

export const updateReleaseInput = z.object({
  id: idSchema,
  title: releaseInput.shape.title.optional(),
  body: releaseInput.shape.body.optional(),
  slug: slugSchema.optional(),
  publishedAt: instantSchema.nullable().optional(),
  embargoUntil: instantSchema.nullable().optional(),
  embargoTerms: multiLineText().max(2000).optional(),
  links: z.array(linkSchema).max(MAX_RELEASE_LINKS).optional(),
  pressContactId: idSchema.nullable().optional(),
  spokespersonIds: z.array(idSchema).max(20).optional(),
});

/** A preview link's token as sent (43 base64url characters); anything else cannot match. */
export const previewTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'This preview link is not valid' });

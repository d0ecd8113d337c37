import { z } from 'zod';
import { idSchema, nameText, opaqueText } from '../common/schema';

export const staffRoles = ['admin', 'press_officer', 'spokesperson'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const staffRoleSchema = z.enum(staffRoles);

/** Email addresses are compared lowercased everywhere. */
export const emailSchema = z
  .email({ error: 'Enter a valid email address' })
  .max(254, 'An email address has at most 254 characters')
  .transform((value) => value.toLowerCase());

// Long enough to resist guessing; the cap stops giant inputs from costing CPU in scrypt.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const loginInput = z.object({
  email: emailSchema,
  password: opaqueText().min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH),
});

export const newPasswordSchema = opaqueText()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters`);

/**
 * Without `password` (the console), the new user gets a one-time link by email
 * to set their own; with one (integrations, scripts), the account is ready at once.
 */
export const createUserInput = z.object({
  email: emailSchema,
  name: nameText().min(1, 'Enter a name').max(200),
  role: staffRoleSchema,
  password: newPasswordSchema.optional(),
});

export const userIdInput = z.object({ userId: idSchema });

export const setUserActiveInput = userIdInput.extend({ active: z.boolean() });

export const setPasswordInput = z.object({
  token: z.string().min(1, 'The link has no token').max(200),
  password: newPasswordSchema,
});

export const passwordLinkInput = z.object({ token: z.string().min(1, 'The link has no token').max(200) });

/** What the server tells a client about the signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  spokespersonId: string | null;
}

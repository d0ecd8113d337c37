/**
 * The "set your password" email for a new staff user or a reset. Pure: the
 * link (with its token) is passed in at delivery and never stored.
 */
import { formatInstantInZones } from './format-local-time';
import { renderEmailBody } from './render-email-body';

export interface PasswordLinkEmailData {
  purpose: 'invite' | 'reset';
  name: string;
  email: string;
  officeName: string;
  url: string;
  expiresAt: Date;
  /** The office's zone, in which the expiry is shown (with its zone named). */
  timeZone: string;
}

export function renderPasswordLinkEmail(data: PasswordLinkEmailData): { subject: string; text: string; html: string } {
  const invite = data.purpose === 'invite';
  const subject = invite ? `${data.officeName}: set your password for Interview Desk` : `${data.officeName}: set a new password for Interview Desk`;
  const expires = formatInstantInZones(data.expiresAt, [data.timeZone])[0]!;
  const body = renderEmailBody({
    title: invite ? 'Welcome to Interview Desk' : 'Set a new password',
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.name},` },
      {
        kind: 'paragraph',
        text: invite
          ? `An administrator of ${data.officeName} created a staff account for you (${data.email}). Choose your password with the link below; then sign in with your email address and that password.`
          : `An administrator of ${data.officeName} reset the password of your account (${data.email}); your old password no longer works and you were signed out everywhere. Choose a new password with the link below.`,
      },
      { kind: 'action', text: invite ? 'Set your password' : 'Set a new password', href: data.url },
      { kind: 'paragraph', text: `The link works once, until ${expires}. If it has expired, ask your administrator for a new one. If you did not expect this email, you can ignore it.` },
    ],
  });
  return { subject, ...body };
}

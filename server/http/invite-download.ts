// GET /invites/<uid>.ics?token=… — the current version of an interview's
// invite, for the reporter (their manage token) or staff (session cookie).
// A wrong token and an unknown UID answer the same 404.
import type { Request, Response } from 'express';
import type { Config } from '../env';
import type { Database } from '../db';
import { AppError } from '../errors';
import { readCookie } from '../context';
import { findActiveSession, SESSION_COOKIE } from '../auth/sessions';
import { matchesManageToken } from '../requests/manage-token';
import { loadInviteDetails } from '../outbox/render-outbox-message';
import { buildInterviewInvite } from '../mail/compose-invite-email';
import { sendError } from './send-error';

const NOT_FOUND = new AppError('NOT_FOUND', 'No invite matches this link.');

export function inviteDownloadHandler(deps: { database: Database; config: Config }) {
  return async (request: Request, response: Response) => {
    const db = deps.database.prisma;
    const match = /^(.{1,300})\.ics$/.exec(String(request.params.file ?? ''));
    if (!match) return sendError(response, NOT_FOUND);
    const interview = await db.interview.findUnique({ where: { inviteUid: match[1]! }, select: { id: true, request: { select: { manageTokenHash: true } } } });
    const token = typeof request.query.token === 'string' ? request.query.token : undefined;
    const reporter = token !== undefined && matchesManageToken(token, interview?.request.manageTokenHash ?? '0'.repeat(64));
    const sessionToken = readCookie(request.headers.cookie, SESSION_COOKIE);
    const staff = !reporter && sessionToken ? await findActiveSession({ db, token: sessionToken, now: new Date() }) : null;
    if (!interview || (!reporter && !staff)) return sendError(response, NOT_FOUND);

    const invite = await loadInviteDetails(db, interview.id, deps.config);
    const method = invite.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const ics = buildInterviewInvite({
      method,
      uid: invite.uid,
      sequence: invite.sequence,
      dtstamp: new Date(),
      details: invite.details,
      recipient: reporter ? 'reporter' : 'spokesperson',
      from: { name: invite.office.name, email: deps.config.mailFrom },
      publicUrl: deps.config.publicUrl,
    });
    if ('error' in ics) return sendError(response, new AppError('INTERNAL', 'The invite could not be built.'));
    response.setHeader('Content-Type', `text/calendar; charset=utf-8; method=${method}`);
    response.setHeader('Content-Disposition', `attachment; filename="interview-${invite.details.reference}.ics"`);
    // Carries the manage link for the reporter: never cached by a proxy.
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(ics.value);
  };
}

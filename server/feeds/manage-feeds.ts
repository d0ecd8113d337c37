// Subscription feeds: a secret URL per spokesperson or for the whole office
// that calendar apps poll. Tokens are 256-bit, stored hashed, shown once;
// rotating revokes the old URL at once.
import type { Db } from '../db';
import { AppError } from '../errors';
import { createSecretToken, hashSecretToken } from '../auth/tokens';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { SessionUser } from '../auth/schema';
import { assertCanManageSpokesperson } from '../spokespeople/manage-spokesperson';
import { createFeed, type FeedEvent } from '../invites/create-invite';

export type FeedScope = { scope: 'office' } | { scope: 'spokesperson'; spokespersonId: string };

/** Cancelled interviews stay in feeds (as cancelled) this long, so subscribers see the cancellation. */
const CANCELLED_VISIBLE_MS = 7 * 86_400_000;

function assertCanManageFeed(user: SessionUser, scope: FeedScope) {
  if (scope.scope === 'office') {
    if (user.role !== 'admin' && user.role !== 'press_officer') throw new AppError('FORBIDDEN', 'Only press officers can manage the office feed.');
  } else {
    assertCanManageSpokesperson(user, scope.spokespersonId);
  }
}

/**
 * Issues a new feed URL for the scope and revokes the previous ones (rotation).
 * The URL is returned once; only the token's hash is kept.
 */
export async function rotateFeedToken(options: { db: Db; scope: FeedScope; user: SessionUser; publicUrl: string; now: Date }) {
  assertCanManageFeed(options.user, options.scope);
  const spokespersonId = options.scope.scope === 'spokesperson' ? options.scope.spokespersonId : null;
  if (spokespersonId && !(await options.db.spokesperson.findUnique({ where: { id: spokespersonId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', 'No such spokesperson.');
  }
  const token = createSecretToken();
  await options.db.$transaction(async (tx) => {
    await tx.feedToken.updateMany({ where: { scope: options.scope.scope, spokespersonId, revokedAt: null }, data: { revokedAt: options.now } });
    const created = await tx.feedToken.create({ data: { tokenHash: hashSecretToken(token), scope: options.scope.scope, spokespersonId, createdAt: options.now }, select: { id: true } });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.user.id }, action: 'feed.rotate', entityType: 'feed', entityId: created.id, after: { scope: options.scope.scope, spokespersonId }, now: options.now });
  });
  return { url: `${options.publicUrl}/feeds/${token}.ics` };
}

/** Revokes the scope's feed URL without issuing a new one. */
export async function revokeFeedTokens(options: { db: Db; scope: FeedScope; user: SessionUser; now: Date }) {
  assertCanManageFeed(options.user, options.scope);
  const spokespersonId = options.scope.scope === 'spokesperson' ? options.scope.spokespersonId : null;
  const { count } = await options.db.feedToken.updateMany({ where: { scope: options.scope.scope, spokespersonId, revokedAt: null }, data: { revokedAt: options.now } });
  return { revoked: count };
}

/** Whether the scope has a live feed URL, and since when (the URL itself was shown once and is not kept). */
export async function getFeedStatus(options: { db: Db; scope: FeedScope; user: SessionUser }) {
  assertCanManageFeed(options.user, options.scope);
  const spokespersonId = options.scope.scope === 'spokesperson' ? options.scope.spokespersonId : null;
  const live = await options.db.feedToken.findFirst({ where: { scope: options.scope.scope, spokespersonId, revokedAt: null }, select: { createdAt: true }, orderBy: { createdAt: 'desc' } });
  return { active: live !== null, createdAt: live?.createdAt.toISOString() ?? null };
}

/** The feed behind a token, or null (unknown or revoked: the caller answers 404). */
export async function renderFeed(options: { db: Db; token: string; now: Date; organizerEmail: string }): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(options.token)) return null;
  const feed = await options.db.feedToken.findUnique({ where: { tokenHash: hashSecretToken(options.token) }, select: { scope: true, spokespersonId: true, revokedAt: true, spokesperson: { select: { name: true } } } });
  if (!feed || feed.revokedAt) return null;
  const office = await options.db.setting.findUnique({ where: { key: 'office' } });
  const officeName = ((office?.value ?? {}) as { name?: string }).name ?? 'Press office';
  const now = options.now.getTime();
  const interviews = await options.db.interview.findMany({
    where: {
      ...(feed.spokespersonId ? { spokespersonId: feed.spokespersonId } : {}),
      OR: [
        { status: { in: ['confirmed', 'rescheduled'] }, endsAt: { gte: new Date(now - 86_400_000) } },
        { status: 'cancelled', updatedAt: { gte: new Date(now - CANCELLED_VISIBLE_MS) } },
      ],
    },
    select: {
      inviteUid: true,
      inviteSequence: true,
      status: true,
      startsAt: true,
      endsAt: true,
      format: true,
      formatDetails: true,
      spokesperson: { select: { name: true } },
      request: { select: { reference: true, topic: true, reporterName: true, reporterOutlet: true, attribution: true, language: true } },
    },
    orderBy: { startsAt: 'asc' },
    take: 2000,
  });
  const events: FeedEvent[] = interviews.map((interview) => {
    const details = (interview.formatDetails ?? {}) as Record<string, string | undefined>;
    return {
      uid: interview.inviteUid,
      sequence: interview.inviteSequence,
      start: interview.startsAt,
      end: interview.endsAt,
      status: interview.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      summary: `${interview.status === 'cancelled' ? 'Cancelled: ' : ''}Interview: ${interview.spokesperson.name} – ${interview.request.reporterOutlet}`,
      description: [
        `Topic: ${interview.request.topic}`,
        `Reporter: ${interview.request.reporterName} (${interview.request.reporterOutlet})`,
        `Format: ${interview.format.replace('_', ' ')}, in ${interview.request.language}, ${interview.request.attribution.replace('_', ' ')}`,
        `Reference: ${interview.request.reference}`,
      ].join('\n'),
      location: details.videoUrl ?? details.dialIn ?? details.studioAddress ?? details.address,
    };
  });
  const name = feed.spokesperson ? `Interviews: ${feed.spokesperson.name}` : `Interviews: ${officeName}`;
  const feedText = createFeed({ name, events, dtstamp: options.now, organizer: { name: officeName, email: options.organizerEmail } });
  if ('error' in feedText) throw new AppError('INTERNAL', feedText.error);
  return feedText.value;
}

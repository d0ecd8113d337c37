// Release attachments (the report PDF, photos): uploaded by press officers
// through a plain HTTP route beside tRPC (a file does not belong in JSON),
// stored as files under DATA_DIR/attachments/<id>, described by a row. Served
// to whoever may see the release: anyone once it is public, staff, or the
// holder of the preview link while it is under embargo.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { Db } from '../db';
import type { Config } from '../env';
import { AppError } from '../errors';
import { sortableId } from '../common/sortable-id';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findActiveSession, SESSION_COOKIE } from '../auth/sessions';
import { readCookie } from '../context';
import { isAllowedOrigin } from '../http/origin';
import { sendError } from '../http/send-error';
import { matchesSecretToken } from '../auth/tokens';
import { releaseStatus } from './manage-releases';

/** A report PDF with photos is a few MB; 20 MB leaves room and keeps disks and mailboxes sane. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Enough for a report, its summary and a handful of photos. */
export const MAX_ATTACHMENTS_PER_RELEASE = 20;

/** The types we accept, each with the bytes its files start with (the declared type must match the content). */
const acceptedTypes: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (head) => head.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  'image/webp': (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const acceptedAttachmentTypes = Object.keys(acceptedTypes);

function attachmentDir(config: Config) {
  return join(config.dataDir, 'attachments');
}

/** A file name safe to show and to put in Content-Disposition: no paths, no control or quote characters. */
function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').trim().slice(0, 150);
  return cleaned || 'attachment';
}

/** Counts bytes as they stream and fails as soon as the limit is passed; keeps the first bytes for the type check. */
function limitAndSniff(limit: number) {
  let seen = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) return callback(new AppError('VALIDATION_FAILED', `The file is larger than ${limit / 1024 / 1024} MB.`, { details: { field: 'file' } }));
      if (headBytes < 16) {
        head.push(chunk);
        headBytes += chunk.length;
      }
      callback(null, chunk);
    },
  });
  return { stream, size: () => seen, head: () => Buffer.concat(head).subarray(0, 16) };
}

async function requirePressOfficer(request: Request, deps: { db: Db; config: Config; now: () => Date }) {
  if (!isAllowedOrigin({ origin: request.headers.origin ?? null, host: request.headers.host ?? null, publicUrl: deps.config.publicUrl })) {
    throw new AppError('ORIGIN_REJECTED', 'This request came from another site and was refused.');
  }
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const session = token ? await findActiveSession({ db: deps.db, token, now: deps.now() }) : null;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (session.user.role !== 'admin' && session.user.role !== 'press_officer') throw new AppError('FORBIDDEN', 'Only press officers can do this.');
  return session.user;
}

/**
 * POST /releases/:id/attachments?name=report.pdf with the file as the raw body
 * and its type as Content-Type. Streams to a temporary file, refusing bodies
 * over the limit and files whose first bytes do not match the declared type;
 * only then is the row written (audited) and the file moved into place.
 */
export function uploadAttachmentHandler(deps: { db: Db; config: Config; now: () => Date }) {
  return async (request: Request, response: Response) => {
    const user = await requirePressOfficer(request, deps);
    const releaseId = String(request.params.id);
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const check = acceptedTypes[contentType];
    if (!check) throw new AppError('VALIDATION_FAILED', `Attach a PDF or an image (${acceptedAttachmentTypes.join(', ')}).`, { details: { field: 'file' } });
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES) {
      throw new AppError('VALIDATION_FAILED', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, { details: { field: 'file' } });
    }
    const release = await deps.db.release.findUnique({ where: { id: releaseId }, select: { id: true, _count: { select: { attachments: true } } } });
    if (!release) throw new AppError('NOT_FOUND', 'No such release.');
    if (release._count.attachments >= MAX_ATTACHMENTS_PER_RELEASE) throw new AppError('VALIDATION_FAILED', `A release has at most ${MAX_ATTACHMENTS_PER_RELEASE} attachments.`);

    const id = sortableId();
    const dir = attachmentDir(deps.config);
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `${id}.part`);
    const meter = limitAndSniff(MAX_ATTACHMENT_BYTES);
    try {
      await pipeline(request, meter.stream, createWriteStream(temporary));
      if (meter.size() === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty.', { details: { field: 'file' } });
      if (!check(meter.head())) throw new AppError('VALIDATION_FAILED', `The file’s content is not ${contentType}; attach the file itself, not a renamed one.`, { details: { field: 'file' } });
      const fileName = cleanFileName(String(request.query.name ?? 'attachment'));
      const now = deps.now();
      await deps.db.$transaction(async (tx) => {
        await tx.releaseAttachment.create({ data: { id, releaseId, fileName, contentType, sizeBytes: meter.size(), createdAt: now } });
        await recordAuditEvent({ db: tx, actor: { type: 'user', id: user.id }, action: 'release.attachment_add', entityType: 'release', entityId: releaseId, after: { attachmentId: id, fileName, contentType, sizeBytes: meter.size() }, now });
      });
      await rename(temporary, join(dir, id));
      response.status(201).json({ id, fileName, contentType, sizeBytes: meter.size() });
    } catch (error) {
      await rm(temporary, { force: true });
      // A refused upload may leave the rest of the body unread; close rather than drain it.
      response.setHeader('Connection', 'close');
      throw error;
    }
  };
}

/** DELETE /attachments/:id (press officers; audited). */
export function deleteAttachmentHandler(deps: { db: Db; config: Config; now: () => Date }) {
  return async (request: Request, response: Response) => {
    const user = await requirePressOfficer(request, deps);
    const id = String(request.params.id);
    const now = deps.now();
    await deps.db.$transaction(async (tx) => {
      const row = await tx.releaseAttachment.findUnique({ where: { id }, select: { releaseId: true, fileName: true } });
      if (!row) throw new AppError('NOT_FOUND', 'No such attachment.');
      await tx.releaseAttachment.delete({ where: { id } });
      await recordAuditEvent({ db: tx, actor: { type: 'user', id: user.id }, action: 'release.attachment_remove', entityType: 'release', entityId: row.releaseId, before: { attachmentId: id, fileName: row.fileName }, now });
    });
    await rm(join(attachmentDir(deps.config), id), { force: true });
    response.status(204).end();
  };
}

/** GET /attachments/:id/:name — for anyone who may see the release now (see the file comment). */
export function downloadAttachmentHandler(deps: { db: Db; config: Config; now: () => Date }) {
  return async (request: Request, response: Response) => {
    const row = await deps.db.releaseAttachment.findUnique({
      where: { id: String(request.params.id) },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, release: { select: { publishedAt: true, embargoUntil: true, previewTokenHash: true } } },
    });
    if (!row) return sendError(response, { code: 'NOT_FOUND', message: 'No such attachment.' });
    const status = releaseStatus(row.release, deps.now());
    const preview = typeof request.query.preview === 'string' ? request.query.preview : null;
    let allowed = status === 'published' || (status !== 'draft' && preview !== null && row.release.previewTokenHash !== null && matchesSecretToken(preview, row.release.previewTokenHash));
    if (!allowed) {
      const token = readCookie(request.headers.cookie, SESSION_COOKIE);
      allowed = token !== null && (await findActiveSession({ db: deps.db, token, now: deps.now() })) !== null;
    }
    // Not yet public: answer as if it did not exist.
    if (!allowed) return sendError(response, { code: 'NOT_FOUND', message: 'No such attachment.' });
    response.setHeader('Content-Type', row.contentType);
    response.setHeader('Content-Length', String(row.sizeBytes));
    response.setHeader('Content-Disposition', `inline; filename="${row.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
    response.setHeader('Cache-Control', status === 'published' ? 'public, max-age=300' : 'private, no-store');
    // Uploaded content never runs as a page on our origin.
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    await pipeline(createReadStream(join(attachmentDir(deps.config), row.id)), response);
  };
}

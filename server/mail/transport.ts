/**
 * Where composed messages go: an SMTP server when SMTP_URL is set, otherwise
 * `.eml` files in a local outbox folder (development, demos, and the staff
 * mail view). The outbox worker calls `send` and owns retries: a send here is
 * one attempt that either resolves (delivered to the server or written) or
 * rejects promptly.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPPool from 'nodemailer/lib/smtp-pool';

export interface SentMail {
  /** The Message-ID header as sent, in angle brackets. */
  messageId: string;
  /** Envelope recipients the server accepted (file transport: all of them). */
  accepted: string[];
  /** Envelope recipients the server refused. */
  rejected: string[];
}

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  /**
   * One delivery attempt. Resolves once the SMTP server accepted the message
   * for at least one recipient (or the file is in place); rejects on any
   * failure, within the timeouts below or when `signal` aborts, without retrying.
   */
  send(message: Mail.Options, options?: { signal?: AbortSignal }): Promise<SentMail>;
  /** Releases the SMTP connections; the file transport holds none. */
  close(): void;
}

export interface CreateMailTransportOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: write files. */
  smtpUrl?: string;
  /** Folder for `.eml` files when there is no SMTP server; created on first use. */
  outboxDir: string;
  /**
   * Limit for each SMTP wait: DNS, connecting, the greeting, and any silence
   * mid-conversation. Default 10 s (SMTP_TIMEOUT_SECONDS); tests shorten it.
   */
  timeoutMs?: number;
  /**
   * Hard cap on one attempt however the server trickles, since several waits
   * could otherwise add up. Default three times `timeoutMs`; the outbox
   * worker passes its own, shorter deadline as a signal too.
   */
  sendTimeoutMs?: number;
  /** Pooled SMTP connections (OUTBOX_CONCURRENCY). Default 1. */
  maxConnections?: number;
}

/** A dead server (black-holed host, or one that accepts but never greets) fails within this. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Messages per pooled connection before it is replaced (bounds what one stale connection can hold up). */
const MESSAGES_PER_CONNECTION = 100;

/**
 * Creates the transport the outbox worker sends through.
 *
 * With `smtpUrl`: nodemailer's pooled SMTP transport, up to `maxConnections`
 * connections each reused for up to 100 messages, so a busy outbox does not
 * pay a TCP (and TLS) handshake per message. Every wait is bounded by
 * `timeoutMs` (default 10 s) and the whole attempt by `sendTimeoutMs` or an
 * abort signal; an aborted attempt closes the connection carrying it (the pool
 * opens another). A pooled connection the server dropped while idle is
 * retried on a fresh one only when not a byte of the message was sent
 * (nodemailer's rule), so the pool never sends a message twice by itself. The
 * URL supplies host, port, credentials and TLS choices; the timeouts and pool
 * size always win over URL parameters. Nothing is retried here.
 *
 * Without: each message is built by nodemailer's stream transport with CRLF
 * line ends and written to `<outboxDir>/<timestamp>-<sanitised Message-ID>.eml`
 * atomically: written to a hidden temporary file in the same folder, flushed,
 * then renamed, so a reader never sees a partial `.eml`.
 *
 * For both, file and URL access from message content is disabled, so a
 * message loaded from the database can never make the mailer read a local file
 * or fetch a URL.
 */
export function createMailTransport(options: CreateMailTransportOptions): MailTransport {
  if (!options.smtpUrl) return createFileTransport(options.outboxDir);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return createSmtpTransport(options.smtpUrl, { timeoutMs, sendTimeoutMs: options.sendTimeoutMs ?? timeoutMs * 3, maxConnections: options.maxConnections ?? 1 });
}

function createSmtpTransport(smtpUrl: string, limits: { timeoutMs: number; sendTimeoutMs: number; maxConnections: number }): MailTransport {
  const transporter = nodemailer.createTransport(
    // Constructing SMTPPool directly (rather than passing the URL) means URL
    // query parameters cannot change pooling, and our timeouts override any
    // in the URL's query.
    new SMTPPool({
      ...parseConnectionUrl(smtpUrl),
      pool: true,
      maxConnections: limits.maxConnections,
      maxMessages: MESSAGES_PER_CONNECTION,
      connectionTimeout: limits.timeoutMs,
      greetingTimeout: limits.timeoutMs,
      socketTimeout: limits.timeoutMs,
      dnsTimeout: limits.timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    }),
  );
  return {
    kind: 'smtp',
    async send(message, options = {}) {
      const deadline = AbortSignal.timeout(limits.sendTimeoutMs);
      const info = await transporter.sendMail({
        ...lockDown(message),
        signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
      });
      return {
        messageId: info.messageId,
        accepted: info.accepted.map(readRecipient),
        rejected: info.rejected.map(readRecipient),
      };
    },
    close() {
      // Connections still delivering are closed too: by now the caller has given up on them.
      (transporter.transporter as unknown as { close(options?: { force?: boolean }): void }).close({ force: true });
    },
  };
}

function createFileTransport(outboxDir: string): MailTransport {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    // RFC 5322 line ends on disk, so the file is the message exactly as SMTP would carry it.
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'file',
    async send(message, options = {}) {
      options.signal?.throwIfAborted();
      const info = await builder.sendMail(lockDown(message));
      const raw = info.message;
      if (!Buffer.isBuffer(raw)) throw new Error('The stream transport did not return a buffer');
      await mkdir(outboxDir, { recursive: true, mode: 0o700 });
      const fileName = `${formatFileTimestamp(new Date())}-${sanitiseForFileName(info.messageId)}.eml`;
      await writeFileAtomically(path.join(outboxDir, fileName), raw);
      return { messageId: info.messageId, accepted: info.envelope.to.map(String), rejected: [] };
    },
    close() {
      builder.close();
    },
  };
}

/** The message with file and URL access switched off, whatever it says. */
function lockDown(message: Mail.Options): Mail.Options {
  return { ...message, disableFileAccess: true, disableUrlAccess: true };
}

function readRecipient(recipient: string | Mail.Address): string {
  return typeof recipient === 'string' ? recipient : (recipient.address ?? '');
}

/**
 * Writes to a hidden temporary file in the target's folder (same file system,
 * so the rename is atomic), flushes it to disk, then renames it into place.
 * On failure the temporary file is removed and nothing appears under `target`.
 */
async function writeFileAtomically(target: string, content: Buffer): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** 2027-03-22T14-00-00-123Z: sorts by time, and has no ':' (not allowed in Windows file names). */
function formatFileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Message-ID without brackets, reduced to [A-Za-z0-9._@-], at most 100 characters. */
function sanitiseForFileName(messageId: string): string {
  const cleaned = messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 100);
  return cleaned === '' ? 'message' : cleaned;
}

/* ----------------------------------------------------------------------------
 * Reading the outbox folder (for the staff mail view)
 * ------------------------------------------------------------------------- */

export interface OutboxFile {
  fileName: string;
  /** Absolute path, for reading the whole message. */
  path: string;
  sizeBytes: number;
  /** When the file was written. */
  writtenAt: Date;
  messageId: string | null;
  /** Decoded Subject ('' if none). */
  subject: string;
  /** Decoded To addresses. */
  to: string[];
  from: string | null;
  /** The Date header, or null if missing or unreadable. */
  date: Date | null;
}

/** Enough for any header block we write; a file whose headers are longer is listed with what was read. */
const MAX_HEADER_BYTES = 64 * 1024;
const DEFAULT_LIST_LIMIT = 50;
const EML_FILE = /^[^.].*\.eml$/;

/**
 * The most recent `.eml` files in `outboxDir`, newest first (by the timestamp
 * their names start with), at most `limit` (default 50), with Subject, To,
 * From, Date and Message-ID read from their headers by mailparser (RFC 2047
 * encoded words decoded). Temporary files of writes in progress are never
 * listed. A missing folder is an empty outbox. Reads only each file's header
 * block.
 */
export async function listOutboxFiles(outboxDir: string, options: { limit?: number } = {}): Promise<OutboxFile[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const recent = names
    .filter((name) => EML_FILE.test(name))
    .sort()
    .reverse()
    .slice(0, options.limit ?? DEFAULT_LIST_LIMIT);
  const files = await Promise.all(
    recent.map(async (fileName) => {
      const filePath = path.resolve(outboxDir, fileName);
      try {
        return await readOutboxFile(fileName, filePath);
      } catch (error) {
        // Deleted between readdir and open: not an error for a listing.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    }),
  );
  return files.filter((file): file is OutboxFile => file !== null);
}

async function readOutboxFile(fileName: string, filePath: string): Promise<OutboxFile> {
  const [info, head] = await Promise.all([stat(filePath), readHead(filePath)]);
  const headers = await readHeaders(head);
  return {
    fileName,
    path: filePath,
    sizeBytes: info.size,
    writtenAt: info.mtime,
    messageId: headers.messageId?.trim() || null,
    subject: (headers.subject ?? '').trim(),
    to: readAddresses(headers.to),
    from: readAddresses(headers.from)[0] ?? null,
    date: readDate(headers),
  };
}

/**
 * The header block read by mailparser: unfolded, RFC 2047 encoded words (B and
 * Q, adjacent words joined, any charset iconv-lite knows) decoded, addresses
 * split. Only headers are given, so there is no body to parse.
 */
function readHeaders(head: string): Promise<ParsedMail> {
  return simpleParser(`${head}\r\n\r\n`, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
}

/**
 * The Date header, or null when it is missing or unreadable: mailparser puts
 * the current time in place of a date it cannot read, which the mail view
 * must not show as when the message was written.
 */
function readDate(headers: ParsedMail): Date | null {
  const line = headers.headerLines.find((header) => header.key === 'date')?.line;
  if (line === undefined) return null;
  const date = new Date(line.slice(line.indexOf(':') + 1).trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

async function readHead(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
    // UTF-8 so that unencoded 8-bit header text (RFC 6532) reads right; encoded words are ASCII either way.
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.search(/\r?\n\r?\n/);
    return end === -1 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/** Every mailbox of an address header, the members of groups ("Undisclosed recipients:;") included. */
function readAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const entries = (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);
  return entries
    .flatMap((entry) => entry.group ?? [entry])
    .filter((entry) => entry.address)
    .map((entry) => formatAddress(entry.name, entry.address!));
}

function formatAddress(name: string, address: string): string {
  return name.trim() === '' ? address : `${name.trim()} <${address}>`;
}


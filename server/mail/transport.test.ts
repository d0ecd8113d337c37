import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeInviteEmail } from './compose-invite-email';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-server.test-fixture';
import { makeInviteEmailOptions } from './test-factories';
import { createMailTransport, listOutboxFiles } from './transport';

let outboxDir: string;

beforeEach(async () => {
  outboxDir = await mkdtemp(path.join(tmpdir(), 'interview-desk-outbox-'));
});

afterEach(async () => {
  await rm(outboxDir, { recursive: true, force: true });
});

function composeInvite(overrides: Parameters<typeof makeInviteEmailOptions>[0] = {}): Mail.Options {
  const result = composeInviteEmail(makeInviteEmailOptions(overrides));
  if ('error' in result) throw new Error(result.error);
  return result;
}

function plainMessage(overrides: Partial<Mail.Options> = {}): Mail.Options {
  return {
    from: { name: 'Press Office', address: 'press@example.org' },
    to: 'reporter@example.org',
    subject: 'Plain',
    text: 'Hello',
    messageId: '<plain-1@desk.example.org>',
    ...overrides,
  };
}

describe('file transport', () => {
  it('writes a parseable RFC 5322 .eml named <timestamp>-<message id>.eml', async () => {
    const transport = createMailTransport({ outboxDir });
    expect(transport.kind).toBe('file');
    const sent = await transport.send(composeInvite());
    expect(sent).toEqual({
      messageId: '<outbox-42.invite@desk.example.org>',
      accepted: ['marie.dupont@example.org'],
      rejected: [],
    });

    const names = await readdir(outboxDir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-outbox-42\.invite@desk\.example\.org\.eml$/);
    const raw = await readFile(path.join(outboxDir, names[0]!));
    // CRLF only, as on the wire.
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe('<outbox-42.invite@desk.example.org>');
    expect(parsed.subject).toBe('Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time');
    expect(parsed.attachments.map((attachment) => attachment.contentType).sort()).toEqual(['application/ics', 'text/calendar']);
    transport.close();
  });

  it('creates the outbox folder and keeps odd characters out of file names', async () => {
    const nested = path.join(outboxDir, 'a', 'b');
    const transport = createMailTransport({ outboxDir: nested });
    await transport.send(plainMessage({ messageId: '<../../etc/passwd$x@desk.example.org>' }));
    const names = await readdir(nested);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/-_.._etc_passwd_x@desk\.example\.org\.eml$/);
  });

  it('never shows a partial .eml: files appear complete, under their final name only', async () => {
    const transport = createMailTransport({ outboxDir });
    // Large enough that writing takes many event-loop turns.
    const big = 'x'.repeat(76 * 60_000);
    const seen = new Map<string, number>();
    let sending = true;
    const watcher = (async () => {
      while (sending) {
        for (const name of await readdir(outboxDir)) {
          if (!name.endsWith('.eml')) continue;
          const content = await readFile(path.join(outboxDir, name)).catch(() => null);
          if (content) seen.set(name, Math.min(seen.get(name) ?? Infinity, content.length));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(
      Array.from({ length: 4 }, (_, index) => transport.send(plainMessage({ messageId: `<big-${index}@desk.example.org>`, text: big }))),
    );
    sending = false;
    await watcher;

    const names = await readdir(outboxDir);
    expect(names.filter((name) => name.endsWith('.eml'))).toHaveLength(4);
    expect(names.filter((name) => !name.endsWith('.eml'))).toEqual([]);
    for (const name of names) {
      const { size } = await stat(path.join(outboxDir, name));
      // Every time a reader saw the file, it was already whole.
      if (seen.has(name)) expect(seen.get(name)).toBe(size);
    }
    const listed = await listOutboxFiles(outboxDir);
    expect(listed).toHaveLength(4);
  });

  it('leaves nothing behind when the write fails', async () => {
    const notADirectory = path.join(outboxDir, 'file');
    await writeFile(notADirectory, 'not a folder');
    const transport = createMailTransport({ outboxDir: notADirectory });
    await expect(transport.send(plainMessage())).rejects.toThrow();
    expect(await readdir(outboxDir)).toEqual(['file']);
  });
});

describe('listOutboxFiles', () => {
  it('lists recent messages newest first with decoded subject, recipients and date', async () => {
    const transport = createMailTransport({ outboxDir });
    await transport.send(plainMessage({ subject: 'First', messageId: '<first@desk.example.org>' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transport.send(composeInvite());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transport.send(
      plainMessage({
        subject: 'Zürich – Genève 🎙️ '.repeat(6).trim(),
        to: [{ name: 'Zoë Ñúñez', address: 'zoe@example.org' }, 'second@example.org'],
        messageId: '<third@desk.example.org>',
      }),
    );
    // Someone else's temporary file and other junk are ignored.
    await writeFile(path.join(outboxDir, '.in-progress.eml.abc.tmp'), 'partial');
    await writeFile(path.join(outboxDir, 'notes.txt'), 'not mail');

    const files = await listOutboxFiles(outboxDir);
    expect(files.map((file) => file.messageId)).toEqual([
      '<third@desk.example.org>',
      '<outbox-42.invite@desk.example.org>',
      '<first@desk.example.org>',
    ]);
    const [third, invite] = files;
    expect(third!.subject).toBe('Zürich – Genève 🎙️ '.repeat(6).trim());
    expect(third!.to).toEqual(['Zoë Ñúñez <zoe@example.org>', 'second@example.org']);
    expect(invite!.subject).toBe('Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time');
    expect(invite!.to).toEqual(['Marie Dupont <marie.dupont@example.org>']);
    expect(invite!.from).toBe('Coalition Press Office <press@example.org>');
    expect(invite!.date).toBeInstanceOf(Date);
    expect(Math.abs(invite!.date!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(invite!.sizeBytes).toBeGreaterThan(1000);
    expect(path.isAbsolute(invite!.path)).toBe(true);

    expect(await listOutboxFiles(outboxDir, { limit: 1 })).toHaveLength(1);
  });

  it('decodes encoded words written by other mailers: Q and B, split characters, ISO-8859-1 and Windows-1252', async () => {
    // A file dropped in by hand or by another tool, not by our transport.
    const eml = [
      // "Zürich – Genève 🎙️" as a Q word and a B word; the microphone split across two B words, byte by byte.
      'Subject: =?UTF-8?Q?Z=C3=BCrich?= =?utf-8?b?IOKAkyBHZW7DqHZlIA==?=',
      ' =?UTF-8?B?8J+O?= =?UTF-8?B?mQ==?=',
      'To: =?ISO-8859-1?Q?Zo=EB_=D1=FA=F1ez?= <zoe@example.org>, Undisclosed recipients:;,',
      ' =?windows-1252?Q?=93Quoted=94_Desk?= <desk@example.org>',
      'From: =?iso-8859-1?B?UHJlc3NlIE3pZGlhcw==?= <press@example.org>',
      'Message-ID: <by-hand@example.org>',
      'Date: Tue, 1 Dec 2026 10:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Body =?UTF-8?Q?not_decoded?=',
    ].join('\r\n');
    await writeFile(path.join(outboxDir, '2026-12-01T09-00-00-000Z-by-hand.eml'), eml);
    const [file] = await listOutboxFiles(outboxDir);
    expect(file).toMatchObject({
      subject: 'Zürich – Genève 🎙',
      to: ['Zoë Ñúñez <zoe@example.org>', '“Quoted” Desk <desk@example.org>'],
      from: 'Presse Médias <press@example.org>',
      messageId: '<by-hand@example.org>',
      date: new Date('2026-12-01T09:00:00Z'),
    });
  });

  it('shows no date for a message whose Date header is missing or unreadable', async () => {
    await writeFile(path.join(outboxDir, '2026-12-01T09-00-00-000Z-a.eml'), 'Subject: no date\r\n\r\nbody');
    await writeFile(path.join(outboxDir, '2026-12-01T09-00-01-000Z-b.eml'), 'Subject: bad date\r\nDate: the day after tomorrow\r\n\r\nbody');
    const files = await listOutboxFiles(outboxDir);
    expect(files.map((file) => [file.subject, file.date])).toEqual([['bad date', null], ['no date', null]]);
  });

  it('treats a missing folder as an empty outbox', async () => {
    expect(await listOutboxFiles(path.join(outboxDir, 'missing'))).toEqual([]);
  });
});

describe('SMTP transport', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });

  afterAll(async () => {
    await smtp.close();
  });

  it('reports accepted and rejected recipients', async () => {
    const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir });
    expect(transport.kind).toBe('smtp');
    const [sent, received] = await Promise.all([
      transport.send(plainMessage({ to: ['reporter@example.org', 'reject-me@example.org'] })),
      smtp.nextMessage(),
    ]);
    expect(sent).toEqual({
      messageId: '<plain-1@desk.example.org>',
      accepted: ['reporter@example.org'],
      rejected: ['reject-me@example.org'],
    });
    expect(received.to).toEqual(['reporter@example.org']);
    transport.close();
  });

  it('reuses pooled connections, at most maxConnections, whatever the URL says', async () => {
    const before = smtp.connections();
    const transport = createMailTransport({ smtpUrl: `${smtp.url}?pool=false&maxConnections=50`, outboxDir, maxConnections: 2 });
    const sent = await Promise.all(Array.from({ length: 6 }, (_, index) => transport.send(plainMessage({ messageId: `<pooled-${index}@desk.example.org>` }))));
    expect(sent.every((result) => result.accepted[0] === 'reporter@example.org')).toBe(true);
    expect(smtp.connections() - before).toBeLessThanOrEqual(2);
    expect(smtp.connections() - before).toBeGreaterThanOrEqual(1);
    transport.close();
  });

  it('an aborted send rejects at once and the pool goes on with the next message', async () => {
    const slow = await startTestSmtpServer({ acceptDelayMs: 2_000 });
    const transport = createMailTransport({ smtpUrl: slow.url, outboxDir, maxConnections: 1 });
    try {
      const controller = new AbortController();
      const started = Date.now();
      const aborted = transport.send(plainMessage({ messageId: '<aborted@desk.example.org>' }), { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('shutting down')), 200);
      await expect(aborted).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_500);
      const next = await transport.send(plainMessage({ messageId: '<after-abort@desk.example.org>' }));
      expect(next.accepted).toEqual(['reporter@example.org']);
    } finally {
      transport.close();
      await slow.close();
    }
  });

  it('sendTimeoutMs caps a whole attempt against a relay that answers too slowly', async () => {
    const slow = await startTestSmtpServer({ acceptDelayMs: 3_000 });
    const transport = createMailTransport({ smtpUrl: slow.url, outboxDir, sendTimeoutMs: 500 });
    try {
      const started = Date.now();
      await expect(transport.send(plainMessage())).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      transport.close();
      await slow.close();
    }
  });

  it('rejects within a few seconds when nothing listens on the port, so the outbox can retry', async () => {
    const port = await findClosedPort();
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir });
    const started = Date.now();
    await expect(transport.send(plainMessage())).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(Date.now() - started).toBeLessThan(3_000);
    transport.close();
  });

  it('gives up on a server that accepts the connection but never greets, after the timeout', async () => {
    const { server, port, sockets } = await startSilentServer();
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir, timeoutMs: 500 });
    const started = Date.now();
    await expect(transport.send(plainMessage())).rejects.toThrow();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(3_000);
    transport.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});

/** A port that was free a moment ago and has nothing listening now. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Accepts TCP connections and says nothing: a hung mail server. */
async function startSilentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

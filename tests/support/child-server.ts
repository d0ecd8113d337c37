// Interview Desk as a real child process (`node --import tsx server/main.ts`),
// for tests of what only a process has: signals, exit codes, kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '..', '..');

export interface ChildServer {
  base: string;
  port: number;
  child: ChildProcess;
  /** stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM and resolves with how long the process took to exit (ms) and its exit code. */
  terminate(): Promise<{ ms: number; code: number | null }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the server with this environment (DESK_DEMO=0, no client build, warnings only) and waits until /healthz answers,
 * or, with `readyWhen`, until its output says so (to act on a process still starting).
 */
export async function startChildServer(env: Record<string, string>, options: { readyTimeoutMs?: number; readyWhen?: (output: string) => boolean } = {}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DESK_DEMO: '0', DESK_BUILD_CLIENT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const readyBy = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  for (;;) {
    if (exitedEarly) throw new Error(`The server exited before it was ready:\n${output}`);
    if (Date.now() > readyBy) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready in time:\n${output}`);
    }
    if (options.readyWhen) {
      if (options.readyWhen(output)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
      continue;
    }
    try {
      // Bounded, so a connection accepted but not yet answered is asked again rather than waited on without end.
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    port,
    child,
    output: () => output,
    exited,
    async terminate() {
      const started = Date.now();
      child.kill('SIGTERM');
      const { code } = await exited;
      return { ms: Date.now() - started, code };
    },
  };
}

/** Accepts TCP connections and says nothing: a hung mail server. */
export async function startSilentSmtpServer(): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => sockets.length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls `check` every 50 ms until it returns true, or fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

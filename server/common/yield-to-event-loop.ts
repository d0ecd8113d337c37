// Long work in the server process (a 60,000-row import) runs in slices so
// that other requests, /healthz included, are answered in between: Node runs
// one piece of JavaScript at a time, and promises that resolve at once (the
// SQLite driver is synchronous) never let the event loop turn.

/** Resolves after the event loop has handled what is waiting (I/O, timers). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A pause point for loops: call `await pause()` once per item; it yields to
 * the event loop only when `sliceMs` of work have passed since the last yield,
 * so a fast loop pays almost nothing and a slow one never holds the process
 * longer than a slice. 10 ms keeps a waiting request's delay well under the
 * 100 ms a health check allows, even with several slices queued.
 */
export function createPauser(sliceMs = 10): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}

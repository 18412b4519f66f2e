/**
 * Flow control between the reading thread and the main thread, in shared memory rather than
 * messages: a message or a wake-up per batch cost the busy main thread milliseconds each. The
 * reader may run WINDOW batches ahead; then it sleeps until the main thread has caught up to
 * RESUME_AT, so the main thread wakes it once per WINDOW - RESUME_AT batches, and memory stays
 * bounded (a batch is about half a megabyte) however fast the disk.
 */
export const WINDOW = 24;
export const RESUME_AT = 4;
const TAKEN = 0;
const WAITING = 1;

/** Atomics.waitAsync is in Node 20 but in TypeScript's ES2024 library only. */
type WaitAsync = (a: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

export function newFlow(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Main thread: one more batch taken, of `received` so far; wake the reader if it waits and may go on. */
export function batchTaken(flow: Int32Array, received: number): void {
  const taken = Atomics.add(flow, TAKEN, 1) + 1;
  if (Atomics.load(flow, WAITING) === 1 && received - taken <= RESUME_AT) Atomics.notify(flow, TAKEN);
}

/** Reading thread: resolves when batch number `sent + 1` may be sent. */
export async function roomFor(flow: Int32Array, sent: number): Promise<void> {
  if (sent - Atomics.load(flow, TAKEN) < WINDOW) return;
  Atomics.store(flow, WAITING, 1);
  for (let seen = Atomics.load(flow, TAKEN); sent - seen > RESUME_AT; seen = Atomics.load(flow, TAKEN)) {
    // The timeout only guards against a wake-up lost between the check and the wait.
    const wait = waitAsync(flow, TAKEN, seen, 100);
    if (wait.async) await wait.value;
  }
  Atomics.store(flow, WAITING, 0);
}

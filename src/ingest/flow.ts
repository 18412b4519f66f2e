/**
 * Flow control between the reading thread and the main thread, in shared memory: the main
 * thread counts the batches it has released, and the reader, before writing batch k into the
 * ring (batch-ring.ts), makes sure batch k - slots is released. When it must wait, it waits
 * until half the ring is free, so the main thread wakes it once per half ring, not per batch:
 * every wake-up hands the reader a core the busy main thread was using. The reader blocks with
 * Atomics.wait (a worker may block), so a wake-up is a plain futex wake.
 */
const RELEASED = 0;
const WAITING_FOR = 1; // the release count the sleeping reader waits for; 0 when it does not sleep

export function newFlow(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Main thread: the batch it held is done with; wake the reader once enough are. */
export function released(flow: Int32Array): void {
  const count = Atomics.add(flow, RELEASED, 1) + 1;
  const wanted = Atomics.load(flow, WAITING_FOR);
  if (wanted !== 0 && count >= wanted) Atomics.notify(flow, RELEASED);
}

/** Reading thread: block until batch `k` (from 0) may be written to a ring of `slots`. */
export function waitForSlot(flow: Int32Array, k: number, slots: number): void {
  if (k - Atomics.load(flow, RELEASED) < slots) return;
  const wanted = k - Math.floor(slots / 2) + 1;
  // WAITING_FOR is set before RELEASED is read again, so a release in between is either seen
  // here or followed by a wake-up; the timeout is a second guard.
  Atomics.store(flow, WAITING_FOR, wanted);
  for (let seen = Atomics.load(flow, RELEASED); seen < wanted; seen = Atomics.load(flow, RELEASED)) Atomics.wait(flow, RELEASED, seen, 100);
  Atomics.store(flow, WAITING_FOR, 0);
}

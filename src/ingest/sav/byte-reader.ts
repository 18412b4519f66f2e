import type { FileHandle } from "node:fs/promises";

/** Raised when the file ends inside a record: the caller names the file and what was cut. */
export class Truncated extends Error {}

const CHUNK = 256 * 1024;

/**
 * Sequential reads from a file through one buffer refilled a chunk at a time: `fill(n)` makes
 * n bytes available (fewer at the end of the file), then the sync readers consume them.
 */
export class ByteReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private ended = false;
  littleEndian = true;

  /** Reads from `start` (the data of a file whose dictionary was read earlier). */
  constructor(
    private readonly handle: FileHandle,
    private position = 0,
  ) {}

  /** The file offset of the next byte to consume. */
  get offset(): number {
    return this.position - (this.buf.length - this.pos);
  }

  async fill(n: number): Promise<void> {
    while (this.buf.length - this.pos < n && !this.ended) {
      const keep = this.buf.subarray(this.pos);
      const next = Buffer.allocUnsafe(keep.length + Math.max(CHUNK, n));
      keep.copy(next);
      const { bytesRead } = await this.handle.read(next, keep.length, next.length - keep.length, this.position);
      this.position += bytesRead;
      if (bytesRead === 0) this.ended = true;
      this.buf = next.subarray(0, keep.length + bytesRead);
      this.pos = 0;
    }
  }

  get available(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): number {
    if (this.buf.length - this.pos < n) throw new Truncated();
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.buf[this.need(1)] as number;
  }

  i32(): number {
    const at = this.need(4);
    return this.littleEndian ? this.buf.readInt32LE(at) : this.buf.readInt32BE(at);
  }

  f64(): number {
    const at = this.need(8);
    return this.littleEndian ? this.buf.readDoubleLE(at) : this.buf.readDoubleBE(at);
  }

  /** A copy of the next n bytes. */
  bytes(n: number): Buffer {
    const at = this.need(n);
    return Buffer.from(this.buf.subarray(at, at + n));
  }

  /** Skip n bytes, reading as needed (large extension records). */
  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      await this.fill(Math.min(left, CHUNK));
      const step = Math.min(left, this.available);
      if (step === 0) throw new Truncated();
      this.pos += step;
      left -= step;
    }
  }
}

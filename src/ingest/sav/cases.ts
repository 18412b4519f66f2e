import { type ByteReader, Truncated } from "./byte-reader.js";
import { SavFormatError, textDecoder, type SavDictionary } from "./dictionary.js";

/** A case's values in variable order: a number (null when system-missing) or a string. */
export type SavValue = number | string | null;

/**
 * Reads cases one at a time, uncompressed (8-byte slots) or bytecode-compressed (blocks of 8
 * command bytes: 1–251 a number minus the bias, 253 a raw slot that follows, 254 eight spaces,
 * 255 system-missing, 252 the end, 0 padding).
 */
export class CaseReader {
  private commands: number[] = [];
  private ended = false;
  private readonly spaces = Buffer.alloc(8, 0x20);
  private readonly decode: (bytes: Buffer) => string;

  constructor(
    private readonly r: ByteReader,
    private readonly dict: SavDictionary,
  ) {
    this.decode = textDecoder(dict.encoding);
  }

  /** The next case, or null after the last; a case cut short is a SavFormatError. */
  async next(): Promise<SavValue[] | null> {
    if (this.ended) return null;
    const values: SavValue[] = [];
    let first = true;
    for (const v of this.dict.variables) {
      if (v.width === 0) {
        const slot = await this.slot(first);
        if (slot === null) return null;
        first = false;
        values.push(typeof slot === "number" ? (slot === this.dict.sysmis ? null : slot) : this.toNumber(slot));
        continue;
      }
      const parts: Buffer[] = [];
      for (const segment of v.segments) {
        const bytes: Buffer[] = [];
        for (let k = 0; k < segment.slots; k++) {
          const slot = await this.slot(first);
          if (slot === null) return null;
          first = false;
          if (typeof slot === "number") throw new SavFormatError((w) => w.stringAsNumber(v.name));
          bytes.push(slot);
        }
        parts.push(Buffer.concat(bytes).subarray(0, segment.bytes));
      }
      values.push(this.decode(Buffer.concat(parts)).replace(/[ \0]+$/, ""));
    }
    return values;
  }

  private toNumber(raw: Buffer): number | null {
    const n = this.r.littleEndian ? raw.readDoubleLE(0) : raw.readDoubleBE(0);
    return n === this.dict.sysmis || Number.isNaN(n) ? null : n;
  }

  /**
   * The next slot: a number (compressed code), 8 raw bytes, or null at the end of the data
   * (allowed only before a case's first slot).
   */
  private async slot(caseStart: boolean): Promise<number | Buffer | null> {
    const end = (): null => {
      this.ended = true;
      if (!caseStart) throw new SavFormatError((w) => w.endsInCase);
      return null;
    };
    try {
      if (this.dict.compression === 0) {
        await this.r.fill(8);
        if (this.r.available === 0) return end();
        return this.r.bytes(8);
      }
      for (;;) {
        if (this.commands.length === 0) {
          await this.r.fill(8);
          if (this.r.available === 0) return end();
          for (let k = 0; k < 8; k++) this.commands.push(this.r.u8());
        }
        const code = this.commands.shift() as number;
        if (code === 0) continue;
        if (code === 252) return end();
        if (code === 253) {
          await this.r.fill(8);
          return this.r.bytes(8);
        }
        if (code === 254) return this.spaces;
        if (code === 255) return this.dict.sysmis;
        return code - this.dict.bias;
      }
    } catch (err) {
      if (err instanceof Truncated) throw new SavFormatError((w) => w.endsInCase);
      throw err;
    }
  }
}

/**
 * Casting a cell straight from its bytes, so that plain numbers never become strings. Each
 * caster gives exactly what the text caster (compile.ts) gives for the decoded cell: it either
 * repeats its answer for the previous cell when the bytes are the same, or parses a plain
 * decimal whose value is provably the same as Number()'s, or else decodes the cell and asks the
 * text caster (which remembers its answers for repeated cells).
 */

/** A cell's bytes as text, in the file's encoding. */
type DecodeBytes = (bytes: Buffer, start: number, end: number) => string;
export type ByteCast<R> = (bytes: Buffer, start: number, end: number, decode: DecodeBytes) => R;

/** Which cells may skip the text caster as numbers (see plainNumber). */
export interface PlainNumbers {
  integer: boolean;
  /** The decimal mark's byte: a point (0x2e) or a comma (0x2c). */
  mark: number;
  /** The thousands separator's byte, skipped wherever it is (as parsers.ts removes it), or -1. */
  group: number;
  /** The field's value checks pass for n (checks that need the cell's text rule this out). */
  accept: (n: number) => boolean;
}

export function byteCaster<R>(textCast: (cell: string) => R, numbers: PlainNumbers | null): ByteCast<R> {
  // The previous cell's bytes and answer: categories, and ids that rarely repeat overall
  // (clusters), often repeat row after row.
  const last = new Uint8Array(MAX_KEY);
  let lastLength = -1;
  let lastValue: R | undefined;
  const viaText: ByteCast<R> = (bytes, start, end, decode) => {
    const len = end - start;
    if (len === lastLength && sameBytes(last, 0, bytes, start, len)) return lastValue as R;
    const v = textCast(decode(bytes, start, end));
    if (len <= MAX_KEY) {
      for (let k = 0; k < len; k++) last[k] = bytes[start + k]!;
      lastLength = len;
      lastValue = v;
    }
    return v;
  };
  if (numbers === null) return viaText;
  const { integer, mark, group, accept } = numbers;
  return (bytes, start, end, decode) => {
    const n = plainNumber(bytes, start, end, integer, mark, group);
    // NaN: not a plain number (a missing code, spaces, an exponent...): the text caster decides.
    if (!Number.isNaN(n) && accept(n)) return n as R;
    return viaText(bytes, start, end, decode);
  };
}

/** Exact powers of ten: every one up to 1e22 is a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of `[+-]digits[.digits]` with at most 15 digits, or NaN for anything else. With at
 * most 15 digits the digits form an exact integer below 2^53, and dividing it by an exact power
 * of ten rounds once, correctly (Clinger's fast path): the result is Number(text), bit for bit.
 * Integers take no decimal mark, as the INTEGER pattern of parsers.ts. `mark` is the decimal
 * mark's byte (a comma reads `12,5` as parsers.ts does, and refuses a point). `group`, the
 * thousands separator's byte, is skipped wherever it stands, before the sign too, since
 * parsers.ts removes every one from the text before reading it (`1 234,5` is 1234.5).
 */
export function plainNumber(bytes: Uint8Array, start: number, end: number, integer: boolean, mark = 0x2e, group = -1): number {
  let i = start;
  while (i < end && bytes[i] === group) i++;
  let negative = false;
  if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
    negative = bytes[i] === 0x2d;
    i++;
  }
  let digits = 0;
  let scale = 0;
  let mantissa = 0;
  let point = false;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (point) scale++;
    } else if (b === mark && !point && !integer) point = true;
    else if (b !== group) return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const v = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  return negative ? -v : v;
}

const MAX_KEY = 48;

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

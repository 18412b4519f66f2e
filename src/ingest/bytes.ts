/** Byte-level helpers for the first pass: no strings are built here. */

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, or -1. Strict like
 * `buffer.isUtf8` (no overlongs, surrogates or code points above U+10FFFF), and only called
 * after `isUtf8` said no, so it may be plain JavaScript. A sequence cut by the end of `buf`
 * counts as invalid: the caller passes whole sequences or the end of the file.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated sequence
    const b1 = buf[i + 1]!;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = buf[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Length of `buf` without a trailing incomplete UTF-8 sequence, so a chunk can be validated
 * on its own and the cut bytes carried to the next chunk.
 */
export function completeUtf8Length(buf: Uint8Array): number {
  const n = buf.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = buf[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    if (b < 0xc0) return n; // ASCII: nothing pending
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return size > k ? n - k : n;
  }
  return n;
}

/**
 * Counts physical line breaks (LF, CRLF or a lone CR each count once) in bytes. `state.cr`
 * carries "the previous chunk ended with CR" so a CRLF split across chunks counts once.
 */
export function countLineBreaks(buf: Uint8Array, end: number, state: { cr: boolean }): number {
  let breaks = 0;
  let i = 0;
  if (state.cr && end > 0 && buf[0] === 0x0a) i = 1; // the LF of a CRLF already counted
  for (; i < end; i++) {
    const b = buf[i]!;
    if (b === 0x0a) breaks++;
    else if (b === 0x0d) {
      breaks++;
      if (i + 1 < end && buf[i + 1] === 0x0a) i++;
    }
  }
  state.cr = end > 0 && buf[end - 1] === 0x0d;
  return breaks;
}

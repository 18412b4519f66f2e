import iconv from "iconv-lite";

/**
 * One cell's bytes as text, for cells the byte scanner split: cells end at ASCII bytes, so a
 * cell decodes on its own exactly as within the stream. Valid UTF-8 (the usual case) takes
 * Buffer's native decoder; UTF-8 imposed on invalid bytes keeps TextDecoder's U+FFFD rules.
 */
export function cellDecoder(
  encoding: "utf-8" | "windows-1252",
  invalidUtf8: boolean,
): (bytes: Buffer, start: number, end: number) => string {
  if (encoding === "windows-1252") return windows1252Cell;
  if (!invalidUtf8) return (bytes, start, end) => bytes.toString("utf8", start, end);
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}

/**
 * Windows-1252 and Latin-1 differ only in bytes 0x80–0x9F (`€ ‚ ƒ … œ ’`...): a cell without
 * them, nearly every cell, takes Buffer's native Latin-1 decoder instead of iconv-lite's, which
 * allocates two buffers per call.
 */
function windows1252Cell(bytes: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0x9f) return iconv.decode(bytes.subarray(start, end), "windows1252");
  }
  return bytes.toString("latin1", start, end);
}

/** A streaming bytes-to-text decoder: `write` per chunk, `end` once. */
export interface TextSink {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * Streaming UTF-8 (invalid bytes become U+FFFD, which only happens when UTF-8 was imposed:
 * detection falls back to Windows-1252 first) or Windows-1252 via iconv-lite, whose table maps
 * 0x80–0x9F to `€ ‚ ƒ … œ ’`..., unlike Latin-1. A byte order mark is the byte scanner's to
 * skip (also in front of a Windows-1252 file edited in two tools), so none is stripped here.
 */
export function makeDecoder(encoding: "utf-8" | "windows-1252"): TextSink {
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
    return {
      write: (chunk) => decoder.decode(chunk, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder("windows1252");
  return {
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? "",
  };
}

import iconv from "iconv-lite";

/** A streaming bytes-to-text decoder: `write` per chunk, `end` once. */
export interface TextSink {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * UTF-8 (BOM stripped; invalid bytes become U+FFFD, which only happens when UTF-8 was imposed:
 * detection falls back to Windows-1252 first) or Windows-1252 via iconv-lite, whose table maps
 * 0x80–0x9F to `€ ‚ ƒ … œ ’`..., unlike Latin-1. A UTF-8 BOM in front of a Windows-1252 file
 * (a file edited in two tools) is dropped rather than shown as `ï»¿`.
 */
export function makeDecoder(encoding: "utf-8" | "windows-1252", bom: boolean): TextSink {
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
    return {
      write: (chunk) => decoder.decode(chunk, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder("windows1252");
  let skip = bom ? 3 : 0;
  return {
    write: (chunk) => {
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        skip -= cut;
        chunk = chunk.subarray(cut);
      }
      return decoder.write(chunk);
    },
    end: () => decoder.end() ?? "",
  };
}

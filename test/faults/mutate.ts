// Random damage to a valid file, for the fault-injection suite: each arbitrary draws a list of
// mutations and applies them in order to the file's bytes.
import fc from "fast-check";

/** Bytes and texts that readers treat specially: quoting, delimiters, encodings, number edges. */
const tokens = [
  '"',
  ",",
  ";",
  "\t",
  "|",
  "\u0000",
  "\uFEFF",
  "\r",
  "\n",
  "\r\n",
  "1e308",
  "-1e308",
  "1e400",
  "4.9e-324",
  "1e-320",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "99999999999999999999",
  "\u00e9",
  "\uFFFD",
  "\u001b[31m",
  ": ",
  "- ",
  "&a [",
  "*a",
  "{",
  "}",
  "[",
  "]",
  "#",
  "__proto__",
].map((t) => Buffer.from(t, "utf8"));

type Mutation = (bytes: Buffer) => Buffer;

const position = (bytes: Buffer, at: number): number => (bytes.length === 0 ? 0 : at % (bytes.length + 1));

const flip = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(
  ([at, value]): Mutation =>
    (bytes) => {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      copy[at % copy.length] = value;
      return copy;
    },
);

const truncate = fc.nat().map(
  (at): Mutation =>
    (bytes) =>
      bytes.subarray(0, position(bytes, at)),
);

const insert = fc.tuple(fc.nat(), fc.constantFrom(...tokens)).map(
  ([at, token]): Mutation =>
    (bytes) => {
      const p = position(bytes, at);
      return Buffer.concat([bytes.subarray(0, p), token, bytes.subarray(p)]);
    },
);

const splitLines = (bytes: Buffer): Buffer[] => {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
};

const duplicateLine = fc.nat().map(
  (at): Mutation =>
    (bytes) => {
      const lines = splitLines(bytes);
      if (lines.length === 0) return bytes;
      const i = at % lines.length;
      return Buffer.concat([...lines.slice(0, i + 1), ...lines.slice(i)]);
    },
);

const deleteLine = fc.nat().map(
  (at): Mutation =>
    (bytes) => {
      const lines = splitLines(bytes);
      if (lines.length === 0) return bytes;
      const i = at % lines.length;
      return Buffer.concat([...lines.slice(0, i), ...lines.slice(i + 1)]);
    },
);

/** A structure nested deeper than any reader allows, or just below it. */
const nest = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 }), fc.constantFrom("flow", "block")).map(
  ([at, depth, style]): Mutation =>
    (bytes) => {
      const deep =
        style === "flow"
          ? `${"[".repeat(depth)}1${"]".repeat(depth)}`
          : Array.from({ length: Math.min(depth, 120) }, (_, i) => `${" ".repeat(i * 2)}k${i}:`).join("\n");
      const p = position(bytes, at);
      return Buffer.concat([bytes.subarray(0, p), Buffer.from(deep), bytes.subarray(p)]);
    },
);

/** Mutations of a valid file: one to four of the above, applied in order. */
export function mutated(valid: Buffer, options: { nesting: boolean }): fc.Arbitrary<Buffer> {
  const kinds: fc.Arbitrary<Mutation>[] = [flip, truncate, insert, insert, duplicateLine, deleteLine];
  if (options.nesting) kinds.push(nest);
  return fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((b, m) => m(b), valid));
}

/** Either random bytes or a mutation of the valid file (mostly the latter: it reaches further). */
export function damaged(valid: Buffer, options: { nesting: boolean }): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
    { weight: 4, arbitrary: mutated(valid, options) },
  );
}

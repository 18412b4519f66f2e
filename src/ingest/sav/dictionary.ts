import iconv from "iconv-lite";
import { issueTexts, type IssueTexts } from "../../vocabulary/index.js";
import type { ByteReader } from "./byte-reader.js";

/**
 * The dictionary of an SPSS system file (.sav), read as PSPP's "System File Format"
 * documentation describes it: the header, the variable records, value labels, documents and
 * the extension records this reader uses (integer and float info, long names, very long
 * strings, the character encoding). Data follow in `cases.ts`.
 */
export interface SavVariable {
  /** The long name when the file has one, else the short name. */
  name: string;
  shortName: string;
  /** 0 for a number, else the string's width in bytes. */
  width: number;
  /** 8-byte slots the variable takes in a case (a very long string spans several segments). */
  segments: { slots: number; bytes: number }[];
  label: string | null;
  /** Discrete user-missing values (numbers, or strings for string variables). */
  missing: (number | string)[];
  /** A user-missing range, for numbers. */
  missingRange: { low: number; high: number } | null;
  /** The print format's type (PSPP's table: 5 = F, 20 = DATE, 22 = DATETIME...). */
  formatType: number;
  formatDecimals: number;
  valueLabels: { value: number | string; label: string }[];
}

export interface SavDictionary {
  variables: SavVariable[];
  compression: number;
  bias: number;
  sysmis: number;
  /** Declared number of cases, or -1 when the writer did not know. */
  cases: number;
  encoding: string;
}

type SavWhy = IssueTexts["notSavWhy"];

/**
 * Why a file is not a readable .sav, as the end of a sentence: a function of the catalogue's
 * `notSavWhy`, worded in the run's language where the file is named (open-sav.ts).
 */
export class SavFormatError extends Error {
  constructor(readonly why: (w: SavWhy) => string) {
    super(why(issueTexts().notSavWhy));
  }
}

interface RawVariable {
  type: number;
  shortName: Buffer;
  label: Buffer | null;
  nMissing: number;
  missingRaw: Buffer[];
  print: number;
}

const CODEPAGES: Record<number, string> = {
  65001: "utf-8",
  1252: "windows-1252",
  28591: "iso-8859-1",
  2: "windows-1252",
  3: "windows-1252",
  20127: "windows-1252",
};

export async function readDictionary(r: ByteReader): Promise<SavDictionary> {
  await r.fill(176);
  const magic = r.bytes(4).toString("latin1");
  if (magic === "$FL3") throw new SavFormatError((w) => w.zsav);
  if (magic !== "$FL2") throw new SavFormatError((w) => w.signature);
  r.bytes(60);
  const layout = r.i32();
  if (layout !== 2 && layout !== 3) {
    r.littleEndian = false;
    const swapped = ((layout & 0xff) << 24) | ((layout & 0xff00) << 8) | ((layout >>> 8) & 0xff00) | ((layout >>> 24) & 0xff);
    if (swapped !== 2 && swapped !== 3) throw new SavFormatError((w) => w.layout);
  }
  r.i32(); // nominal case size: recomputed from the variables
  const compression = r.i32();
  if (compression !== 0 && compression !== 1) throw new SavFormatError((w) => w.compression(compression));
  r.i32(); // weight index
  const cases = r.i32();
  const bias = r.f64();
  r.bytes(9 + 8 + 64 + 3);

  const raw: RawVariable[] = [];
  const labelSets: { entries: { value: Buffer; label: Buffer }[]; slots: number[] }[] = [];
  let sysmis = -Number.MAX_VALUE;
  let encodingName: string | null = null;
  let codepage: number | null = null;
  let longNames: string | null = null;
  let veryLong: string | null = null;
  let pendingLabels: { value: Buffer; label: Buffer }[] | null = null;
  for (;;) {
    await r.fill(64 * 1024);
    const type = r.i32();
    if (pendingLabels !== null && type !== 4) throw new SavFormatError((w) => w.labelsWithoutList);
    if (type === 2) {
      const vtype = r.i32();
      const hasLabel = r.i32();
      const nMissing = r.i32();
      const print = r.i32();
      r.i32();
      const shortName = r.bytes(8);
      let label: Buffer | null = null;
      if (hasLabel === 1) {
        const len = r.i32();
        if (len < 0 || len > 65536) throw new SavFormatError((w) => w.labelLength);
        await r.fill(len + 4 + 3 * 8); // the label, its padding and up to three missing values
        label = r.bytes(len);
        r.bytes((4 - (len % 4)) % 4);
      }
      if (nMissing > 3 || nMissing < -3 || nMissing === -1) throw new SavFormatError((w) => w.missingCount);
      const missingRaw: Buffer[] = [];
      for (let k = 0; k < Math.abs(nMissing); k++) missingRaw.push(r.bytes(8));
      raw.push({ type: vtype, shortName, label, nMissing, missingRaw, print });
    } else if (type === 3) {
      const count = r.i32();
      if (count < 0 || count > 1_000_000) throw new SavFormatError((w) => w.labelCount);
      const entries: { value: Buffer; label: Buffer }[] = [];
      for (let k = 0; k < count; k++) {
        await r.fill(8 + 1 + 255 + 8);
        const value = r.bytes(8);
        const len = r.u8();
        const label = r.bytes(len);
        r.bytes((8 - ((len + 1) % 8)) % 8);
        entries.push({ value, label });
      }
      pendingLabels = entries;
    } else if (type === 4) {
      if (pendingLabels === null) throw new SavFormatError((w) => w.listWithoutLabels);
      const count = r.i32();
      if (count < 0 || count > raw.length) throw new SavFormatError((w) => w.listTooLong);
      await r.fill(count * 4);
      const slots: number[] = [];
      for (let k = 0; k < count; k++) slots.push(r.i32() - 1);
      labelSets.push({ entries: pendingLabels, slots });
      pendingLabels = null;
    } else if (type === 6) {
      const lines = r.i32();
      if (lines < 0) throw new SavFormatError((w) => w.documentLength);
      await r.skip(lines * 80);
    } else if (type === 7) {
      const subtype = r.i32();
      const size = r.i32();
      const count = r.i32();
      const length = size * count;
      if (size < 0 || count < 0 || length > 256 * 1024 * 1024) throw new SavFormatError((w) => w.extensionSize);
      if ([3, 4, 13, 14, 20].includes(subtype)) {
        await r.fill(length);
        const data = r.bytes(length);
        const at = (i: number) => (r.littleEndian ? data.readInt32LE(i) : data.readInt32BE(i));
        if (subtype === 3 && length >= 32) codepage = at(28);
        else if (subtype === 4 && length >= 8) sysmis = r.littleEndian ? data.readDoubleLE(0) : data.readDoubleBE(0);
        else if (subtype === 13) longNames = data.toString("latin1");
        else if (subtype === 14) veryLong = data.toString("latin1");
        else if (subtype === 20) encodingName = data.toString("latin1").replace(/\0+$/, "").trim();
      } else await r.skip(length);
    } else if (type === 999) {
      r.i32();
      break;
    } else throw new SavFormatError((w) => w.unknownRecord(type));
  }

  const encoding = textEncoding(encodingName, codepage);
  const text = textDecoder(encoding);
  return {
    variables: buildVariables(
      raw,
      labelSets,
      text,
      longNames === null ? null : text(Buffer.from(longNames, "latin1")),
      veryLong,
      r.littleEndian,
    ),
    compression,
    bias,
    sysmis,
    cases,
    encoding,
  };
}

/** The file's text encoding: its encoding record, else its code page, else Windows-1252. */
function textEncoding(name: string | null, codepage: number | null): string {
  const known = [name, codepage === null ? null : CODEPAGES[codepage]].find((c) => c && iconv.encodingExists(c));
  return (known ?? "windows-1252").toLowerCase();
}

/** Bytes to text in the file's encoding (iconv-lite: Node's TextDecoder reads windows-1252 as Latin-1). */
export function textDecoder(encoding: string): (bytes: Buffer) => string {
  return (bytes) => iconv.decode(bytes, encoding);
}

function buildVariables(
  raw: RawVariable[],
  labelSets: { entries: { value: Buffer; label: Buffer }[]; slots: number[] }[],
  text: (b: Buffer) => string,
  longNames: string | null,
  veryLong: string | null,
  littleEndian: boolean,
): SavVariable[] {
  const num = (b: Buffer): number => (littleEndian ? b.readDoubleLE(0) : b.readDoubleBE(0));
  const names = new Map<string, string>();
  for (const pair of (longNames ?? "").split("\t")) {
    const eq = pair.indexOf("=");
    if (eq > 0)
      names.set(
        pair.slice(0, eq).trim().toUpperCase(),
        pair
          .slice(eq + 1)
          .replace(/\0/g, "")
          .trim(),
      );
  }
  const widths = new Map<string, number>();
  for (const pair of (veryLong ?? "").split(/[\t\0]+/)) {
    const eq = pair.indexOf("=");
    if (eq > 0) widths.set(pair.slice(0, eq).trim().toUpperCase(), Number(pair.slice(eq + 1)));
  }
  // Variables by their first slot, so value labels (which name slots) find them.
  const bySlot = new Map<number, SavVariable>();
  const variables: SavVariable[] = [];
  let slot = 0;
  for (let i = 0; i < raw.length; ) {
    const v = raw[i] as RawVariable;
    if (v.type === -1) throw new SavFormatError((w) => w.continuation);
    const shortName = text(v.shortName).trim();
    const firstSlot = slot;
    const segments: { slots: number; bytes: number }[] = [];
    const take = (r: RawVariable): void => {
      const slots = r.type === 0 ? 1 : Math.ceil(r.type / 8);
      segments.push({ slots, bytes: r.type === 0 ? 8 : r.type });
      slot += slots;
      i++;
      while (i < raw.length && (raw[i] as RawVariable).type === -1) i++;
    };
    take(v);
    let width = v.type;
    const declared = widths.get(shortName.toUpperCase());
    if (declared !== undefined && declared > 255) {
      // A very long string is stored as ceil(width / 252) segments, each a string variable of
      // its own (255 bytes wide, the last narrower) whose texts are joined.
      const count = Math.ceil(declared / 252);
      for (let s = 1; s < count; s++) {
        const seg = raw[i];
        if (!seg || seg.type <= 0) throw new SavFormatError((w) => w.longStringSegments(shortName));
        take(seg);
      }
      width = declared;
    }
    const formatType = (v.print >>> 16) & 0xff;
    const missing: (number | string)[] = [];
    let missingRange: { low: number; high: number } | null = null;
    const values = v.missingRaw.map((b) => (width === 0 ? num(b) : text(b).replace(/ +$/, "")));
    if (v.nMissing < 0) {
      missingRange = { low: values[0] as number, high: values[1] as number };
      missing.push(...values.slice(2));
    } else missing.push(...values);
    const variable: SavVariable = {
      name: names.get(shortName.toUpperCase()) ?? shortName,
      shortName,
      width,
      segments,
      label: v.label === null ? null : text(v.label),
      missing,
      missingRange,
      formatType,
      formatDecimals: v.print & 0xff,
      valueLabels: [],
    };
    variables.push(variable);
    bySlot.set(firstSlot, variable);
  }
  for (const set of labelSets) {
    for (const s of set.slots) {
      const v = bySlot.get(s);
      if (!v) throw new SavFormatError((w) => w.labelUnknownVariable);
      for (const e of set.entries)
        v.valueLabels.push({ value: v.width === 0 ? num(e.value) : text(e.value).replace(/ +$/, ""), label: text(e.label) });
    }
  }
  return variables;
}

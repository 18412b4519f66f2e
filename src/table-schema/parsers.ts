import { dateFormatParser } from "./dates.js";
import type { FieldSpec } from "./descriptor.js";
import type { IssueTexts } from "../vocabulary/index.js";

/**
 * Per-type text parsers, built once per field: a cell (already trimmed, not a missing code)
 * becomes a typed value, or null when it is not of the type. Plain regular expressions and
 * Number(); no zod per cell, so a million-row file casts quickly.
 */
export type Parser = (text: string) => string | number | boolean | null;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
/** French exports group thousands with a space, a no-break space or a narrow no-break space. */
const SPACE_GROUP = /[ \u00A0\u202F\u2009]/g;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A separator with any kind of space in it stands for every kind (SPACE_GROUP). */
export const spaceLikeGroup = (group: string): boolean => /\s|\u00A0|\u202F|\u2009/.test(group);

/**
 * The cell of a multiple-choice answer that chose no option (per-choice columns all 0): a
 * blank cell is a missing answer, this one an answer of no choice.
 */
export const NONE_CHOSEN = "∅";

const DEFAULT_TRUE = ["true", "True", "TRUE", "1"];
const DEFAULT_FALSE = ["false", "False", "FALSE", "0"];

function numberParser(f: FieldSpec, integer: boolean): Parser {
  const dec = f.decimalChar ?? ".";
  const group = f.groupChar ?? "";
  const groupRe = group === "" ? null : spaceLikeGroup(group) ? SPACE_GROUP : new RegExp(escapeRegExp(group), "g");
  // bareNumber: false allows currency and percent signs around the number ("12,50 €", "95%").
  const strip = f.bareNumber === false ? new RegExp(`^[^0-9+\\-${escapeRegExp(dec)}]+|[^0-9]+$`, "g") : null;
  const shape = integer ? INTEGER : DECIMAL;
  const plain = groupRe === null && strip === null && dec === ".";
  return (text) => {
    let s = text;
    if (!plain) {
      if (strip) s = s.replace(strip, "");
      if (groupRe) s = s.replace(groupRe, "");
      if (dec !== ".") {
        // With a decimal comma, a dot is not a decimal point: "1.5" is refused, not read as 1.5.
        if (s.includes(".")) return null;
        s = s.replace(dec, ".");
      }
    }
    if (!shape.test(s)) return null;
    const n = Number(s);
    if (integer ? !Number.isSafeInteger(n) : !Number.isFinite(n)) return null;
    return n;
  };
}

function booleanParser(f: FieldSpec): Parser {
  const yes = new Set(f.trueValues ?? DEFAULT_TRUE);
  const no = new Set(f.falseValues ?? DEFAULT_FALSE);
  return (text) => (yes.has(text) ? true : no.has(text) ? false : null);
}

export function parserFor(f: FieldSpec): Parser {
  switch (f.type) {
    case "integer":
      return numberParser(f, true);
    case "number":
      return numberParser(f, false);
    case "boolean":
      return booleanParser(f);
    case "date": {
      const p = dateFormatParser(f.format);
      if (!p) throw new Error(`unsupported date format ${f.format ?? ""}`); // semantics.ts rejects it first
      return p;
    }
    case "string":
      // A multiple-choice cell is its choices, one space apart however the export spaced them;
      // NONE_CHOSEN is an answer choosing nothing (the empty string), unlike a blank cell.
      return f.multiple === true ? (text) => (text === NONE_CHOSEN ? "" : text.split(/\s+/).join(" ")) : (text) => text;
  }
}

/** What a value of the field looks like, for "is not ..." messages. */
export function typeDescription(f: FieldSpec, t: IssueTexts): string {
  switch (f.type) {
    case "integer":
      return f.groupChar ? t.anIntegerGrouped(JSON.stringify(f.groupChar)) : t.anInteger;
    case "number":
      return f.decimalChar === "," ? t.aNumberDecimalComma : t.aNumber;
    case "boolean":
      return t.aYesNo([...(f.trueValues ?? DEFAULT_TRUE), ...(f.falseValues ?? DEFAULT_FALSE)].join(", "));
    case "date":
      return t.aDate(
        (f.format === undefined || f.format === "default" ? "%Y-%m-%d" : f.format)
          .replace("%d", t.dateParts.day)
          .replace("%m", t.dateParts.month)
          .replace("%Y", t.dateParts.year),
      );
    case "string":
      return t.aString;
  }
}

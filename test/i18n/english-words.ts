import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { KRIPPENDORFF_SOURCE, LANDIS_KOCH_SOURCE } from "../../src/qualitative/index.js";

/**
 * Words of English that French text does not use. A line (or a string of a JSON result) with
 * two of them is an English sentence that escaped translation, whatever catalogue it came from
 * or whether it came from none (a string written in the code).
 */
const ENGLISH =
  /(?<![\p{L}\p{N}_/.`'’-])(the|is|are|was|were|with|which|has|have|been|this|that|from|of|and|not|there|when|where|only|than|into|each|every|should|cannot|must|no|by|for|to|at|or|its|their|it|be|can|will|between|per|over|under|above|below|without|rows?|values?|missing|file|line|wrote|found|read)(?![\p{L}\p{N}_/`'’-])/giu;

/** Texts the study gives as plain strings (a published figure's source): the same in every language. */
export function studySources(studyFile: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === "string" && key === "source") found.push(node);
    else if (Array.isArray(node)) for (const x of node) walk(x, key);
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(parse(readFileSync(studyFile, "utf8")), "");
  return found;
}

/** Bibliographic references, quoted as published. */
const CITATIONS = [LANDIS_KOCH_SOURCE, KRIPPENDORFF_SOURCE];

/**
 * The lines of `text` that read as English: with code spans, paths, the study's own plain texts
 * and citations taken out first. `text` may be a JSON result: each string value is a line.
 */
export function englishLines(text: string, plain: readonly string[] = []): string[] {
  let lines: string[];
  try {
    const strings: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === "string") strings.push(node);
      else if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === "object") Object.values(node).forEach(walk);
    };
    walk(JSON.parse(text));
    lines = strings;
  } catch {
    lines = text.split("\n");
  }
  const md = (s: string): string => s.replace(/&/g, "&amp;");
  // Longest first: a short text ("ASH, 2014") must not cut a longer one that holds it.
  const known = [...plain, ...CITATIONS].flatMap((s) => [s, md(s)]).sort((a, b) => b.length - a.length);
  return lines.filter((line) => {
    let rest = line;
    for (const s of known) rest = rest.split(s).join(" ");
    rest = rest.replace(/`[^`]*`/g, " ").replace(/\S*[/\\]\S*/g, " ");
    const words = new Set((rest.match(ENGLISH) ?? []).map((w) => w.toLowerCase()));
    return words.size >= 2;
  });
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isMap, isNode, isScalar } from "yaml";
import type { z } from "zod";
import { MAX_NESTING_DEPTH, readTextFile, TextFileError, textFileReason, tooDeepPath, type TableSchema } from "../table-schema/index.js";
import { StudyFileError } from "./errors.js";
import { describeIndicatorIssue, issueToReport } from "./indicators/index.js";
import { studySchema, type Study } from "./study-file.js";
import { checkStudyReferences } from "./references.js";
import { isRecord, mergeLayers, type Layer, type Origin, type PathKey, type Raw } from "./extends.js";
import { forbiddenKeyPath } from "./prototype-keys.js";
import { studyMessages } from "./messages/index.js";
import type { StudyMessages } from "./messages/en.js";
import { sayRefusal } from "./refusal.js";

/** At most this many alias expansions (`*name`) per file: a few are handy, thousands are an attack. */
const MAX_ALIAS_COUNT = 100;

/** A study with every relative path resolved against the file that states it. */
export interface LoadedStudy {
  study: Study;
  /** Absolute path of the study file. */
  file: string;
  /** How messages and reports name the study file. */
  displayName: string;
  /** The run's language: --lang's, or the study's. Later checks word their refusals in it. */
  lang: "en" | "fr";
  /** Absolute paths of each dataset's data and schema files (the schema file is its XLSForm when it has one). */
  resolved: Record<string, { data: string; schema: string; xlsform: boolean }>;
  /** Each dataset's Table Schema, once loaded and checked against the study (./check-fields.ts). */
  schemas?: ReadonlyMap<string, TableSchema>;
  /** Export column → field renames a dataset's XLSForm implies (`group/question`), by dataset. */
  formRenames?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /**
   * Where a key of the merged study is stated ("base.yaml, line 26 (indicators[1].field)"): with
   * `extends` it may be another file, so later checks name it through this.
   */
  where: (p: (string | number)[]) => string;
}

/** The study bundled with the package (the 2014 reproduction), wherever it is installed. */
export function bundledStudyPath(): string {
  return fileURLToPath(new URL("../../data-schemas/connexions-solidaires-2014/study.yaml", import.meta.url));
}

/**
 * Read a study file and the files it `extends` (recursively), merge them (./extends.ts), then
 * validate the merged study once. Errors name the file that holds the wrong key.
 */
export async function loadStudy(file: string, displayName = file, lang?: "en" | "fr"): Promise<LoadedStudy> {
  const absolute = path.resolve(file);
  const { raw, locate } = await loadLayer(absolute, displayName, [], lang);
  // jitless: a study is parsed once per run, so compiling zod's fast path (new Function) costs
  // more than it saves; the result is the same.
  const parsed = studySchema.safeParse(raw, { jitless: true });
  // A study zod refuses is worded in the language it asks for, when that much is readable.
  if (!parsed.success) throw zodToStudyError(parsed.error, raw, locate, studyMessages(lang ?? statedLang(raw)));
  // Once read, later checks name the study's lines in the run's language: --lang's, or the study's.
  const runLang = lang ?? parsed.data.lang;
  const m = studyMessages(runLang);
  const where = (p: PathKey[]): string => {
    const o = locate(p);
    const line = lineOf(o.source, o.path);
    return `${line === null ? o.source.display : m.fileLine(o.source.display, line)}${o.path.length > 0 ? ` (${formatPath(o.path)})` : ""}`;
  };
  const problem = checkStudyReferences(parsed.data, m);
  if (problem) throw new StudyFileError(`${where(problem.path)}${m.colon} ${problem.message}`, locate(problem.path).source.display);
  const dir = path.dirname(absolute);
  const resolved = Object.fromEntries(
    Object.entries(parsed.data.datasets).map(([name, d]) => [
      name,
      { data: path.resolve(dir, d.path), schema: path.resolve(dir, (d.schema ?? d.xlsform) as string), xlsform: d.xlsform !== undefined },
    ]),
  );
  return { study: parsed.data, file: absolute, displayName, lang: runLang, resolved, where };
}

/** One parsed study file: its YAML document, for line numbers of the keys it states. */
interface Source {
  display: string;
  doc: ReturnType<typeof parseDocument>;
  lc: LineCounter;
}

/**
 * A study file merged over the files it extends, recursively (`chain`: the files below it).
 * Its refusals are in `lang` (--lang's, or the language of the file that extends this one),
 * else in the language this file states.
 */
async function loadLayer(
  absolute: string,
  displayName: string,
  chain: { file: string; display: string }[],
  lang: "en" | "fr" | undefined,
): Promise<Layer<Source>> {
  const text = await readStudyText(absolute, displayName, lang);
  // Before the file is parsed, its language is a top-level `lang: fr` line, if it has one.
  let m = studyMessages(lang ?? (/^lang:[ \t]*(["']?)fr\1[ \t]*(#.*)?$/m.test(text) ? "fr" : undefined));
  const lineSuffix = (line: number | null): string => (line === null ? "" : m.fileLine("", line));
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const { line, col } = lc.linePos(yamlError.pos[0]);
    // The parser is recursive: a file nested thousands deep overflows its stack.
    if (/call stack/i.test(yamlError.message))
      throw new StudyFileError(`${m.fileLine(displayName, line)}${m.colon} ${m.tooDeep(MAX_NESTING_DEPTH)}.`, displayName);
    // The parser's own sentence is English: the catalogue words the error by its code.
    const why = m.yamlSyntax(yamlError.code, firstSentence(yamlError.message));
    throw new StudyFileError(`${m.fileLineColumn(displayName, line, col)}${m.colon} ${why}.`, displayName);
  }
  if (doc.contents === null) throw new StudyFileError(`${displayName}${m.colon} ${m.emptyFile}.`, displayName);
  const source: Source = { display: displayName, doc, lc };
  const js = toPlain(doc, displayName, m);
  const layerLang = lang ?? statedLang(js);
  m = studyMessages(layerLang);
  const deep = tooDeepPath(js);
  if (deep)
    throw new StudyFileError(
      `${displayName}${lineSuffix(lineOf(source, deep))} (${formatPath(deep.slice(0, 3))}…)${m.colon} ${m.tooDeep(MAX_NESTING_DEPTH)}.`,
      displayName,
    );
  // Merging assigns keys one by one: `__proto__` would replace the prototype, out of zod's sight.
  const forbidden = forbiddenKeyPath(js);
  if (forbidden)
    throw new StudyFileError(
      `${displayName}${lineSuffix(lineOfKey(source, forbidden))} (${formatPath(forbidden)})${m.colon} ${m.forbiddenKey(String(forbidden.at(-1)))}.`,
      displayName,
    );
  // A base that is not a mapping would merge as nothing: say so, naming it.
  if (!isRecord(js) && chain.length > 0) throw new StudyFileError(`${displayName}${m.colon} ${m.notAStudy}.`, displayName);
  // Not a mapping: let zod say so for this file, with nothing inherited.
  const layer: Layer<Source> = { raw: isRecord(js) ? js : (js as Raw), locate: (p) => ({ source, path: p }) };
  if (!isRecord(js) || js.extends === undefined) return layer;
  const ext = js.extends;
  const extLine = lineSuffix(lineOf(source, ["extends"]));
  if (typeof ext !== "string" || ext.trim() === "")
    throw new StudyFileError(`${displayName}${extLine} (extends)${m.colon} ${m.extendsPath}.`, displayName);
  const baseAbsolute = path.resolve(path.dirname(absolute), ext);
  const baseDisplay = path.normalize(path.join(path.dirname(displayName), ext));
  const here = [...chain, { file: absolute, display: displayName }];
  const loop = here.findIndex((x) => x.file === baseAbsolute);
  if (loop >= 0) {
    const cycle = [...here.slice(loop).map((x) => x.display), here[loop]?.display ?? baseDisplay].join(" → ");
    throw new StudyFileError(`${displayName}${extLine} (extends)${m.colon} ${m.extendsCycle(cycle)}.`, displayName);
  }
  let base: Layer<Source>;
  try {
    base = await loadLayer(baseAbsolute, baseDisplay, here, layerLang);
  } catch (error) {
    // A missing base is this file's mistake: say which key points at it.
    if (error instanceof StudyFileError && error.file === baseDisplay && error.fsCode === "ENOENT")
      throw new StudyFileError(`${displayName}${extLine} (extends)${m.colon} ${m.extendsMissing(ext, baseDisplay)}.`, displayName);
    throw error;
  }
  return mergeLayers(base, layer, path.dirname(baseAbsolute), path.dirname(absolute));
}

/** The file's text; a file that cannot be read is refused in `lang` (its own `lang` is not known yet). */
async function readStudyText(absolute: string, displayName: string, lang: "en" | "fr" | undefined): Promise<string> {
  try {
    return await readTextFile(absolute);
  } catch (error) {
    if (!(error instanceof TextFileError)) throw error;
    // A file-system code is worded by the command line (`fileProblem`); this sentence is its fallback.
    const reason =
      error.code === "ENOENT"
        ? "no such file"
        : error.code === "EISDIR"
          ? "is a directory, not a study file"
          : error.code === "EACCES" || error.code === "EPERM"
            ? "permission denied"
            : textFileReason(error.problem, lang);
    throw new StudyFileError(`${displayName}${studyMessages(lang).colon} ${reason}.`, displayName, error.code);
  }
}

/** The document as plain values; aliases are expanded at most MAX_ALIAS_COUNT times. */
function toPlain(doc: ReturnType<typeof parseDocument>, displayName: string, m: StudyMessages): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) throw new StudyFileError(`${displayName}${m.colon} ${m.tooDeep(MAX_NESTING_DEPTH)}.`, displayName);
    if (error instanceof ReferenceError && /alias count/i.test(error.message))
      throw new StudyFileError(`${displayName}${m.colon} ${m.tooManyAliases(MAX_ALIAS_COUNT)}.`, displayName);
    // An alias to no anchor (`*nowhere`): the parser's code for it.
    if (error instanceof ReferenceError)
      throw new StudyFileError(`${displayName}${m.colon} ${m.yamlSyntax("BAD_ALIAS", firstSentence(error.message))}.`, displayName);
    throw error;
  }
}

function zodToStudyError(error: z.ZodError, raw: unknown, locate: (p: PathKey[]) => Origin<Source>, m: StudyMessages): StudyFileError {
  const lineSuffix = (line: number | null): string => (line === null ? "" : m.fileLine("", line));
  const issue = issueToReport(error.issues);
  const p = (issue?.path ?? []).filter((k): k is PathKey => typeof k !== "symbol");
  // Inside an indicator, a key of another kind or one its kind requires: say which kinds take it.
  const [top, index] = p;
  if (issue && top === "indicators" && typeof index === "number") {
    const indicator = describeIndicatorIssue(issue, p.slice(2), valueAt(raw, [top, index]), m);
    if (indicator) {
      const o = locate([top, index, indicator.key]);
      const display = o.source.display;
      return new StudyFileError(
        `${display}${lineSuffix(lineOf(o.source, o.path))} (${formatPath(o.path)})${m.colon} ${indicator.message}.`,
        display,
      );
    }
  }
  // An unknown key belongs to the file that states it, which may not be the one holding its parent.
  const firstKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const keyed = firstKey === undefined ? null : locate([...p, firstKey]);
  // The message names the object holding the unknown key, and the line of the key itself.
  const o = keyed === null ? locate(p) : { source: keyed.source, path: keyed.path.slice(0, -1) };
  const linePath = keyed === null ? o.path : keyed.path;
  const displayName = o.source.display;
  if (!issue) return new StudyFileError(`${displayName}${m.colon} ${m.invalid}.`, displayName);
  const where = o.path.length > 0 ? ` (${formatPath(o.path)})` : "";
  // A key that is absent reads best as "missing", whatever zod's union or type issue says.
  const absent = p.length > 0 && (issue.code === "invalid_union" || issue.code === "invalid_type") && valueAt(raw, p) === undefined;
  const what = absent ? m.missingKey : describeZodIssue(issue, m);
  return new StudyFileError(`${displayName}${lineSuffix(lineOf(o.source, linePath))}${where}${m.colon} ${what}.`, displayName);
}

function statedLang(raw: unknown): "en" | "fr" | undefined {
  const stated = isRecord(raw) ? raw.lang : undefined;
  return stated === "en" || stated === "fr" ? stated : undefined;
}

function valueAt(raw: unknown, p: readonly PathKey[]): unknown {
  let v = raw;
  for (const k of p) v = v !== null && typeof v === "object" ? (v as Record<PathKey, unknown>)[k] : undefined;
  return v;
}

/** Turn zod's issue into a sentence that says what would fix it. */
function describeZodIssue(issue: z.core.$ZodIssue, m: StudyMessages): string {
  switch (issue.code) {
    case "too_big":
      return m.atMost(String(issue.maximum), issue.inclusive === true);
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? m.notEmpty
        : m.atLeast(String(issue.minimum), issue.inclusive === true);
    case "unrecognized_keys":
      return m.unknownKeys(issue.keys);
    case "invalid_value":
      return m.oneOf(issue.values.map((v) => JSON.stringify(v)).join(", "));
    case "invalid_type":
      // A key that is absent was said above; zod leaves out the value it refused (no `input`),
      // so a present one of the wrong type is told by what was expected.
      return m.expected(issue.expected);
    case "invalid_union":
      // A discriminated union (an indicator's kind) lists the values it knows.
      if ("options" in issue && issue.options && issue.options.length > 0)
        return m.oneOf(issue.options.map((v) => JSON.stringify(v)).join(", "));
      if (isTextUnion(issue)) return m.text;
      return m.notCondition;
    case "custom":
      return sayRefusal(issue, m) ?? issue.message;
    case "invalid_key": {
      // A record's key (a dataset's name...): zod's sentence, and in French the key's own refusal.
      const inner = issue.issues[0];
      return m.invalidKey(inner ? describeZodIssue(inner, m) : m.invalid);
    }
    default:
      return issue.message;
  }
}

/** A text key (`title`, `label`…) given neither a string nor an object: `title: 123`. */
function isTextUnion(issue: z.core.$ZodIssueInvalidUnion): boolean {
  const [asString, asObject, ...others] = issue.errors.map((branch) => branch[0]);
  const typeAtRoot = (i: z.core.$ZodIssue | undefined, expected: string): boolean =>
    i?.code === "invalid_type" && i.expected === expected && i.path.length === 0;
  return others.length === 0 && typeAtRoot(asString, "string") && typeAtRoot(asObject, "object");
}

/** The line of the key at the end of `p` itself (lineOf gives its value's, maybe the next line). */
function lineOfKey(source: Source, p: PathKey[]): number | null {
  const parent = p.length === 1 ? source.doc.contents : source.doc.getIn(p.slice(0, -1), true);
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === p.at(-1)) : undefined;
  const key = pair?.key;
  return isNode(key) && key.range ? source.lc.linePos(key.range[0]).line : lineOf(source, p);
}

function lineOf(source: Source, p: PathKey[]): number | null {
  for (let len = p.length; len >= 0; len--) {
    const node = source.doc.getIn(p.slice(0, len), true);
    if (isNode(node) && node.range) return source.lc.linePos(node.range[0]).line;
  }
  return null;
}

function formatPath(p: PathKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
}

const firstSentence = (s: string): string => s.split("\n")[0]?.replace(/[.:]\s*$/, "") ?? s;

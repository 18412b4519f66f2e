import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isNode } from "yaml";
import type { z } from "zod";
import { StudyFileError } from "./errors.js";
import { studySchema, type Study } from "./schema.js";
import { checkStudyReferences } from "./references.js";

/** A study with every relative path resolved against the file that states it. */
export interface LoadedStudy {
  study: Study;
  /** Absolute path of the study file. */
  file: string;
  /** How messages and reports name the study file. */
  displayName: string;
  /** Absolute paths of each dataset's data and schema files. */
  resolved: Record<string, { data: string; schema: string }>;
}

/** The study bundled with the package (the 2014 reproduction), wherever it is installed. */
export function bundledStudyPath(): string {
  return fileURLToPath(new URL("../../data-schemas/connexions-solidaires-2014/study.yaml", import.meta.url));
}

export async function loadStudy(file: string, displayName = file): Promise<LoadedStudy> {
  const absolute = path.resolve(file);
  const text = await readStudyText(absolute, displayName);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const where = `, line ${lineCounter.linePos(yamlError.pos[0]).line}`;
    throw new StudyFileError(
      `${displayName}${where}: not valid YAML or JSON (${firstSentence(yamlError.message)}).`,
      displayName,
    );
  }
  const parsed = studySchema.safeParse(doc.toJS());
  if (!parsed.success) throw zodToStudyError(parsed.error, displayName, (p) => lineOf(doc, lineCounter, p));
  const problem = checkStudyReferences(parsed.data);
  if (problem) {
    const line = lineOf(doc, lineCounter, problem.path);
    throw new StudyFileError(`${displayName}${lineSuffix(line)} (${formatPath(problem.path)}): ${problem.message}`, displayName);
  }
  const dir = path.dirname(absolute);
  const resolved = Object.fromEntries(
    Object.entries(parsed.data.datasets).map(([name, d]) => [
      name,
      { data: path.resolve(dir, d.path), schema: path.resolve(dir, d.schema) },
    ]),
  );
  return { study: parsed.data, file: absolute, displayName, resolved };
}

async function readStudyText(absolute: string, displayName: string): Promise<string> {
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw new StudyFileError(`${displayName}: is a directory, not a study file.`, displayName);
    return await readFile(absolute, "utf8");
  } catch (error) {
    if (error instanceof StudyFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new StudyFileError(`${displayName}: ${reason}.`, displayName);
  }
}

type PathKey = string | number;

function zodToStudyError(error: z.ZodError, displayName: string, lineAt: (p: PathKey[]) => number | null): StudyFileError {
  const issue = error.issues[0];
  if (!issue) return new StudyFileError(`${displayName}: invalid study file.`, displayName);
  const p = issue.path.filter((k): k is PathKey => typeof k !== "symbol");
  const where = p.length > 0 ? ` (${formatPath(p)})` : "";
  return new StudyFileError(`${displayName}${lineSuffix(lineAt(p))}${where}: ${describeZodIssue(issue)}.`, displayName);
}

/** Turn zod's issue into a sentence that says what would fix it. */
function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling against docs/study-file.md`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `missing; add this key (${issue.expected})` : `expected ${issue.expected}`;
    case "invalid_union":
      return "not a valid condition or value here; see docs/study-file.md for the accepted forms";
    default:
      return issue.message;
  }
}

function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, p: PathKey[]): number | null {
  for (let len = p.length; len >= 0; len--) {
    const node = doc.getIn(p.slice(0, len), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return null;
}

const lineSuffix = (line: number | null): string => (line === null ? "" : `, line ${line}`);

export function formatPath(p: PathKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
}

const firstSentence = (s: string): string => s.split("\n")[0]?.replace(/[.:]\s*$/, "") ?? s;

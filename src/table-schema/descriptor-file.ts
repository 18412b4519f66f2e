import { zodProblems, type Problem } from "./problems.js";
import { schemaProblems } from "./semantics.js";
import { tableSchemaSchema, type TableSchema } from "./descriptor.js";
import { MAX_NESTING_DEPTH, tooDeepPath } from "./nesting.js";
import { issueTexts } from "../vocabulary/index.js";
import { readTextFile, TextFileError, textFileReason } from "./text-file.js";

/**
 * A schema file that cannot be used. The message is one sentence naming the file, the path
 * inside it and what would fix it; `problems` holds every problem found, for --json and tests.
 */
export class SchemaFileError extends Error {
  override readonly name = "SchemaFileError";
  constructor(
    readonly file: string,
    readonly problems: Problem[],
    message: string,
  ) {
    super(message);
  }
}

function sentence(file: string, problems: Problem[], lang?: "en" | "fr"): string {
  const first = problems[0];
  return issueTexts(lang).schemaFile.invalid(file, first?.path ?? null, first?.problem ?? "", Math.max(problems.length - 1, 0));
}

/** Validate an already-parsed document (a study may embed its schema); refused in `lang`. */
export function parseTableSchema(raw: unknown, displayName: string, lang?: "en" | "fr"): TableSchema {
  // jitless: each schema is parsed once per run; compiling zod's fast path would cost more.
  const parsed = tableSchemaSchema.safeParse(raw, { jitless: true });
  const refuse = (problems: Problem[]) => new SchemaFileError(displayName, problems, sentence(displayName, problems, lang));
  if (!parsed.success) throw refuse(zodProblems(parsed.error, raw, lang));
  const problems = schemaProblems(parsed.data, lang);
  if (problems.length > 0) throw refuse(problems);
  return parsed.data;
}

/** Read, parse and check a Table Schema JSON file. Throws SchemaFileError (in `lang`), never anything else. */
export async function loadTableSchema(path: string, displayName: string = path, lang?: "en" | "fr"): Promise<TableSchema> {
  const t = issueTexts(lang).schemaFile;
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (e) {
    const why = e instanceof TextFileError ? readProblem(e, lang) : (e as Error).message;
    throw new SchemaFileError(displayName, [], t.unreadable(displayName, why));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SchemaFileError(displayName, [], t.notJson(displayName, jsonPosition(text, e as Error), jsonHint(e as Error)));
  }
  const deep = tooDeepPath(raw);
  if (deep) throw new SchemaFileError(displayName, [], t.tooDeep(displayName, MAX_NESTING_DEPTH, formatPath(deep.slice(0, 3))));
  return parseTableSchema(raw, displayName, lang);
}

/** The sentence's end for a file that cannot be read, pointing at what to change. */
function readProblem(e: TextFileError, lang?: "en" | "fr"): string {
  const t = issueTexts(lang).schemaFile;
  if (e.code === "ENOENT") return t.missing;
  if (e.code === "EISDIR") return t.directory;
  if (e.code === "EACCES" || e.code === "EPERM") return t.permission;
  return textFileReason(e.problem, lang);
}

function formatPath(p: (string | number)[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
}

/** Line and column from V8's "... at position 42" (or its "(line 3 column 7)"). */
function jsonPosition(text: string, e: Error): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(e.message);
  if (!pos) return null;
  const before = text.slice(0, Number(pos[1]));
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}

/** V8's own words (English), without the position. */
function jsonHint(e: Error): string {
  const msg = e.message.replace(/\s*(in JSON )?at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)/, "");
  return `${msg.charAt(0).toLowerCase()}${msg.slice(1)}`;
}

import { zodProblems, type Problem } from "./problems.js";
import { schemaProblems } from "./semantics.js";
import { tableSchemaSchema, type TableSchema } from "./descriptor.js";
import { MAX_NESTING_DEPTH, tooDeepPath } from "./nesting.js";
import { readTextFile, TextFileError } from "./text-file.js";

/**
 * A schema file that cannot be used. The message is one sentence naming the file, the path
 * inside it and what would fix it; `problems` holds every problem found, for --json and tests.
 */
export class SchemaFileError extends Error {
  override readonly name = "SchemaFileError";
  constructor(
    readonly file: string,
    readonly problems: Problem[],
    message?: string,
  ) {
    super(message ?? sentence(file, problems));
  }
}

function sentence(file: string, problems: Problem[]): string {
  const first = problems[0];
  if (!first) return `Schema file ${file} is invalid.`;
  const where = first.path === "" ? "at the top level" : `at ${first.path}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return `Schema file ${file} is invalid ${where}: ${first.problem}${more}.`;
}

/** Validate an already-parsed document (a study may embed its schema). */
export function parseTableSchema(raw: unknown, displayName: string): TableSchema {
  // jitless: each schema is parsed once per run; compiling zod's fast path would cost more.
  const parsed = tableSchemaSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) throw new SchemaFileError(displayName, zodProblems(parsed.error, raw));
  const problems = schemaProblems(parsed.data);
  if (problems.length > 0) throw new SchemaFileError(displayName, problems);
  return parsed.data;
}

/** Read, parse and check a Table Schema JSON file. Throws SchemaFileError, never anything else. */
export async function loadTableSchema(path: string, displayName: string = path): Promise<TableSchema> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (e) {
    const why = e instanceof TextFileError ? readProblem(e) : (e as Error).message;
    throw new SchemaFileError(displayName, [], `Schema file ${displayName} ${why}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SchemaFileError(
      displayName,
      [],
      `Schema file ${displayName} is not valid JSON${jsonPosition(text, e as Error)}: ${jsonHint(e as Error)}.`,
    );
  }
  const deep = tooDeepPath(raw);
  if (deep)
    throw new SchemaFileError(
      displayName,
      [],
      `Schema file ${displayName} nests objects and lists more than ${MAX_NESTING_DEPTH} levels deep (at ${formatPath(deep.slice(0, 3))}…): flatten it.`,
    );
  return parseTableSchema(raw, displayName);
}

/** The sentence's end for a file that cannot be read, pointing at what to change. */
function readProblem(e: TextFileError): string {
  if (e.code === "ENOENT") return "cannot be read (it does not exist): check the path in the study file";
  if (e.code === "EISDIR") return "cannot be read (it is a directory): check the path in the study file";
  if (e.code === "EACCES" || e.code === "EPERM") return "cannot be read (permission denied): check the path in the study file";
  return e.reason;
}

function formatPath(p: (string | number)[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
}

/** "at line 3, column 7" from V8's "... at position 42" (or its "(line 3 column 7)"). */
function jsonPosition(text: string, e: Error): string {
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) return ` at line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(e.message);
  if (!pos) return "";
  const before = text.slice(0, Number(pos[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

function jsonHint(e: Error): string {
  const msg = e.message.replace(/\s*(in JSON )?at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)/, "");
  return `${msg.charAt(0).toLowerCase()}${msg.slice(1)} (check for a missing comma, quote or bracket, or a trailing comma)`;
}

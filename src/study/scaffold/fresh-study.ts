import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { normaliseLabel } from "../../validate/index.js";
import { fieldNameOf, type InferredField } from "./infer-fields.js";
import type { InferredTable } from "./infer-table.js";

/**
 * The files `init DATA --out DIR` writes: a Table Schema (JSON, which has no comments) and a
 * study file (YAML) whose comments say what was inferred from the data and on what evidence,
 * so that a person reads the guesses next to the keys they would change.
 */

export interface FreshStudyInput {
  /** Dataset name in the study (an identifier). */
  dataset: string;
  /** The data file and the schema, relative to the study file. */
  dataPath: string;
  schemaFile: string;
  /** The data file as the user named it, for comments. */
  dataDisplay: string;
  /** A CSV's encoding and delimiter; null for a workbook or an SPSS file. */
  text: { encoding: "utf-8" | "windows-1252"; delimiter: string } | null;
  /** A workbook's header row, when title lines come first. */
  headerRow: number | null;
  /** How the header row was chosen: given (`--header-row`) or found below the titles. */
  headerRowGiven: boolean;
  /** A workbook's sheet, as `--sheet` named it (a name, or a 1-based position); null for the first. */
  sheet: string | number | null;
  table: InferredTable;
}

const count = (n: number): string => n.toLocaleString("en-US");
/** A comment line holds no line break, whatever a header or a value contains. */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");

/** A study or dataset id from a file name: "Enquête 2015.csv" → "enquete_2015". */
export function identifierFrom(fileStem: string): string {
  return fieldNameOf(fileStem, 0).replace(/^column_1$/, "data");
}

/** The Table Schema, as JSON text (two-space indent, keys in a fixed order: deterministic). */
export function freshSchemaJson(input: FreshStudyInput): string {
  const { table } = input;
  const schemaMissing = table.missing.map(({ value, label }) => ({ value, label }));
  const fields = table.fields.map((f) =>
    f.ownCodes.length > 0 ? { ...f.spec, missingValues: [...schemaMissing, ...f.ownCodes] } : f.spec,
  );
  const schema = {
    title: `${input.dataDisplay}, as inferred by exclusion-study init`,
    missingValues: schemaMissing,
    ...(table.primaryKey ? { primaryKey: table.primaryKey.field } : {}),
    fields,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function indicatorFor(f: InferredField): Record<string, unknown> | null {
  const s = f.suggestion;
  if (s === null) return null;
  const base = { id: f.spec.name, label: f.spec.title ?? f.spec.name, dataset: "" };
  if (s.kind === "proportion") return { ...base, kind: "proportion", when: { field: f.spec.name, equals: s.equals } };
  return { ...base, kind: s.kind, field: f.spec.name };
}

const WHY: Record<string, string> = {
  proportion: "a proportion per yes/no question",
  distribution: "a distribution per categorical question",
  mean: "a mean per numeric question",
};

/** The study file, with its comments. */
export function freshStudyYaml(input: FreshStudyInput): string {
  const { table, dataset } = input;
  const rename: Record<string, string> = {};
  for (const f of table.fields) if (normaliseLabel(f.column) !== f.spec.name) rename[f.column] = f.spec.name;
  const indicators = table.fields.flatMap((f) => {
    const ind = indicatorFor(f);
    return ind ? [{ f, ind: { ...ind, dataset } }] : [];
  });
  const datasetDecl: Record<string, unknown> = {
    path: input.dataPath,
    schema: input.schemaFile,
    ...(input.text ? { encoding: input.text.encoding, delimiter: input.text.delimiter } : {}),
    ...(input.sheet !== null ? { sheet: input.sheet } : {}),
    ...(input.headerRow !== null ? { header_row: input.headerRow } : {}),
  };
  if (Object.keys(rename).length > 0) datasetDecl.rename = rename;
  if (table.design.declaration) datasetDecl.design = table.design.declaration;
  const study = identifierFrom(input.dataset);
  const doc = new Document({
    study,
    title: input.dataDisplay.split(/[\\/]/).pop() ?? input.dataDisplay,
    lang: table.decimalMark === "," ? "fr" : "en",
    datasets: { [dataset]: datasetDecl },
    indicators: indicators.map((x) => x.ind),
  });

  doc.commentBefore = [
    oneLine(` Study scaffolded by \`exclusion-study init\` from ${input.dataDisplay} (${count(table.rows)} rows).`),
    " Every guess below says what was inferred and on what evidence: correct what is wrong (here and",
    ` in ${input.schemaFile}), then run \`exclusion-study validate\` on this file. See docs/study-file.md.`,
  ].join("\n");
  const root = doc.contents as YAMLMap;
  comment(root, "lang", ` ${table.decimalMark === "," ? "numbers with a decimal comma: a French export" : "report language"}; en or fr`);
  const ds = (root.get("datasets") as YAMLMap).get(dataset) as YAMLMap;
  if (input.sheet !== null) comment(ds, "sheet", " as --sheet named it (a name, or a position from 1)");
  if (input.headerRow !== null)
    comment(
      ds,
      "header_row",
      input.headerRowGiven
        ? " as --header-row gave it: the rows above it are skipped"
        : " the rows above hold fewer cells (titles): the first row as full as the fullest of the first 10 is the header",
    );
  if (input.text) {
    comment(ds, "encoding", " detected");
    comment(ds, "delimiter", " detected");
  }
  keyOf(ds, "schema").commentBefore = [
    ` Inferred from all ${count(table.rows)} rows: ${table.fields.length} fields (types, categories, missing-value codes in ${input.schemaFile}).`,
    ` Missing-value codes for every field: ${table.missing.map((m) => `${m.value === "" ? "blank" : m.value} (${m.label}; ${count(m.cells)} cells in ${m.columns} column${m.columns === 1 ? "" : "s"})`).join(", ")}.`,
    ...(table.missing.length > 1
      ? [" Recognised tokens only (NSP, NR, Ne sait pas, Don't know, N/A...); codes seen in one numeric column are that field's own."]
      : []),
    table.primaryKey ? ` ${table.primaryKey.evidence}.` : " primary key: none (no integer or text column is unique and never missing).",
    ...table.fields.map((f) => `   ${f.spec.name}: ${f.evidence}`),
    ...(table.unnamed.length > 0
      ? [
          ` Column${table.unnamed.length > 1 ? "s" : ""} ${table.unnamed.join(", ")} ha${table.unnamed.length > 1 ? "ve" : "s"} no name: left out (validation ignores ${table.unnamed.length > 1 ? "them" : "it"}).`,
        ]
      : []),
  ]
    .map(oneLine)
    .join("\n");
  if (Object.keys(rename).length > 0) keyOf(ds, "rename").commentBefore = " Column headers (left) read as field names (right).";
  if (table.design.declaration) keyOf(ds, "design").commentBefore = table.design.evidence.map((e) => oneLine(` ${e}`)).join("\n");
  else keyOf(ds, "schema").commentBefore += `\n${oneLine(` Design: ${table.design.evidence.join("; ")}.`)}`;
  const items = (root.get("indicators") as YAMLSeq).items;
  keyOf(root, "indicators").commentBefore =
    indicators.length > 0
      ? " Suggested indicators: a proportion per yes/no question, a distribution per categorical question, a mean per numeric one. Delete or edit freely."
      : " No indicator suggested: no yes/no, categorical or numeric question.";
  indicators.forEach(({ f }, i) => {
    const node = items[i];
    if (isMap(node)) node.commentBefore = oneLine(` ${WHY[f.suggestion?.kind ?? ""]}: ${f.column}`);
  });
  return doc.toString({ lineWidth: 0 });
}

function keyOf(map: YAMLMap, key: string): Scalar {
  const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key)) throw new Error(`no key ${key}`);
  return pair.key;
}

function comment(map: YAMLMap, key: string, text: string): void {
  const v = map.get(key, true);
  if (isScalar(v)) v.comment = text;
}

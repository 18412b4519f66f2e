import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { normaliseLabel } from "../../validate/index.js";
import { fieldNameOf, type InferredField } from "./infer-fields.js";
import { scaffoldComments } from "./comments/index.js";
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
  /** The language of the comments and the schema's words; the study's `lang` too when `langGiven`. */
  lang: "en" | "fr";
  /** `--lang` was given: the study's lang is it, not the one the numbers suggest. */
  langGiven: boolean;
}
/** A comment line holds no line break, whatever a header or a value contains. */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");

/** A study or dataset id from a file name: "Enquête 2015.csv" → "enquete_2015". */
export function identifierFrom(fileStem: string): string {
  return fieldNameOf(fileStem, 0).replace(/^column_1$/, "data");
}

/** The Table Schema, as JSON text (two-space indent, keys in a fixed order: deterministic). */
export function freshSchemaJson(input: FreshStudyInput): string {
  const { table } = input;
  const schemaMissing = table.missing.map(({ value, label, labels }) => ({ value, label, labels }));
  const fields = table.fields.map((f) =>
    f.ownCodes.length > 0 ? { ...f.spec, missingValues: [...schemaMissing, ...f.ownCodes] } : f.spec,
  );
  const schema = {
    title: scaffoldComments(input.lang).schemaTitle(input.dataDisplay),
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

/** The study file, with its comments. */
export function freshStudyYaml(input: FreshStudyInput): string {
  const { table, dataset } = input;
  const c = scaffoldComments(input.lang);
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
    lang: input.langGiven ? input.lang : table.decimalMark === "," ? "fr" : "en",
    datasets: { [dataset]: datasetDecl },
    indicators: indicators.map((x) => x.ind),
  });

  doc.commentBefore = c
    .freshHeader(input.dataDisplay, table.rows, input.schemaFile)
    .map((line) => oneLine(` ${line}`))
    .join("\n");
  const root = doc.contents as YAMLMap;
  comment(root, "lang", input.langGiven ? c.langGiven : table.decimalMark === "," ? c.langComma : c.langReport);
  const ds = (root.get("datasets") as YAMLMap).get(dataset) as YAMLMap;
  if (input.sheet !== null) comment(ds, "sheet", c.sheetGiven);
  if (input.headerRow !== null) comment(ds, "header_row", input.headerRowGiven ? c.headerRowGiven : c.headerRowFound);
  if (input.text) {
    comment(ds, "encoding", c.detected);
    comment(ds, "delimiter", c.detected);
  }
  keyOf(ds, "schema").commentBefore = [
    ` ${c.inferredFields(table.rows, table.fields.length, input.schemaFile)}`,
    ` ${c.missingCodes(table.missing.map((m) => c.missingCode(m.value, m.label, m.cells, m.columns)).join(", "))}`,
    ...(table.missing.length > 1 ? [` ${c.recognisedTokens}`] : []),
    ` ${table.primaryKey ? `${table.primaryKey.evidence}.` : c.noPrimaryKey}`,
    ...table.fields.map((f) => `   ${f.spec.name}: ${f.evidence}`),
    ...(table.unnamed.length > 0 ? [` ${c.unnamed(table.unnamed.join(", "), table.unnamed.length)}`] : []),
  ]
    .map(oneLine)
    .join("\n");
  if (Object.keys(rename).length > 0) keyOf(ds, "rename").commentBefore = ` ${c.renameComment}`;
  if (table.design.declaration) keyOf(ds, "design").commentBefore = table.design.evidence.map((e) => oneLine(` ${e}`)).join("\n");
  else keyOf(ds, "schema").commentBefore += `\n${oneLine(` ${c.designComment(table.design.evidence.join(c.sep))}`)}`;
  const items = (root.get("indicators") as YAMLSeq).items;
  keyOf(root, "indicators").commentBefore = ` ${indicators.length > 0 ? c.indicatorsSuggested : c.noIndicators}`;
  indicators.forEach(({ f }, i) => {
    const node = items[i];
    const kind = f.suggestion?.kind;
    if (isMap(node) && kind !== undefined) node.commentBefore = oneLine(` ${c.why(kind, f.column)}`);
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
  if (isScalar(v)) v.comment = ` ${text}`;
}

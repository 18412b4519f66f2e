import { isExportMetadata } from "../../xlsform/index.js";
import type { DesignDeclaration } from "../study-file.js";
import { missingTokenLabel } from "./evidence.js";
import { type InferredField, inferField } from "./infer-fields.js";
import { applyLabels } from "./labels.js";
import type { SavField } from "./source.js";
import type { TableProfile } from "./table-profile.js";

/**
 * From a table's profile to a whole Table Schema, a primary key, a design proposal and the
 * evidence behind each, for `init` without a base study (fresh-study.ts writes them out).
 */

type MissingValue = { value: string; label: string };

export interface InferredTable {
  rows: number;
  /** Rows whose cell count differs from the header's. */
  ragged: number;
  /** Positions (from 1) of columns without a header, left out of the schema. */
  unnamed: number[];
  decimalMark: "." | ",";
  fields: InferredField[];
  /** The schema's codes: blank, then each recognised token seen, with its cells and columns. */
  missing: (MissingValue & { cells: number; columns: number })[];
  primaryKey: { field: string; evidence: string } | null;
  design: { declaration: Partial<DesignDeclaration> | null; evidence: string[] };
}

const count = (n: number): string => n.toLocaleString("en-US");

export function inferTable(profile: TableProfile, metadata: readonly SavField[] = []): InferredTable {
  const { rows, columns } = profile;
  const comma = columns.reduce((a, c) => a + c.commaDecimals, 0);
  const point = columns.reduce((a, c) => a + c.pointDecimals, 0);
  const decimalMark = comma > point ? "," : ".";
  const fields = columns.map((c, i) => inferField(c, i, rows, decimalMark));
  dedupeNames(fields);
  applyLabels(fields, metadata);
  // A survey platform's submission metadata (KoboToolbox's _id, _index, __version__; ODK
  // Central's KEY, DeviceID...) describes the upload, not the respondent.
  for (const f of fields)
    if (f.suggestion !== null && isExportMetadata(f.column)) {
      f.suggestion = null;
      f.evidence += "; the survey platform's metadata (KoboToolbox, ODK): no indicator";
    }

  const tokens = new Map<string, { cells: number; columns: number }>();
  for (const c of columns)
    for (const [t, n] of c.tokens) {
      const seen = tokens.get(t) ?? { cells: 0, columns: 0 };
      tokens.set(t, { cells: seen.cells + n, columns: seen.columns + 1 });
    }
  const missing = [
    { value: "", label: "blank", cells: columns.reduce((a, c) => a + c.blank, 0), columns: columns.filter((c) => c.blank > 0).length },
    ...[...tokens]
      .sort((a, b) => a[0].localeCompare(b[0], "en"))
      .map(([value, n]) => ({ value, label: missingTokenLabel(value) ?? "missing", ...n })),
  ];

  const design = proposeDesign(profile, fields);
  const inDesign = new Set(Object.values(design.declaration ?? {}).flat());
  const keyIndex = fields.findIndex(
    (f, i) =>
      profile.unique[i] &&
      f.column.trim() !== "" &&
      (f.spec.type === "integer" || f.spec.type === "string") &&
      f.ownCodes.length === 0 &&
      !inDesign.has(f.spec.name),
  );
  const key = fields[keyIndex];
  const primaryKey = key
    ? {
        field: key.spec.name,
        evidence: `primary key: ${key.spec.name} ("${key.column}") is unique and never missing in ${count(rows)} rows`,
      }
    : null;
  // The key and the design columns describe the sample, not the people: no indicator for them.
  for (const f of fields) if (f === key || inDesign.has(f.spec.name)) f.suggestion = null;
  // Validation ignores a column without a name (with a warning): so does the schema.
  const unnamed = fields.flatMap((f, i) => (f.column.trim() === "" ? [i + 1] : []));
  const named = fields.filter((f) => f.column.trim() !== "");
  return { rows, ragged: profile.ragged, unnamed, decimalMark, fields: named, missing, primaryKey, design };
}

/** Two headers may fold to one name ("Âge", "age"): later ones get _2, _3... */
function dedupeNames(fields: InferredField[]): void {
  const used = new Set<string>();
  for (const f of fields) {
    let name = f.spec.name;
    for (let k = 2; used.has(name); k++) name = `${f.spec.name}_${k}`;
    f.spec.name = name;
    used.add(name);
  }
}

/**
 * Weights, strata and clusters proposed by name (evidence.ts) and checked: weights positive
 * numbers in every row, strata and clusters never missing; `nest: true` when a cluster id
 * appears in two strata; `lonely_psu: adjust` when a stratum holds a single cluster.
 */
function proposeDesign(profile: TableProfile, fields: InferredField[]): InferredTable["design"] {
  const evidence: string[] = [];
  const named = (i: number): string => `"${fields[i]?.column}"`;
  const pick = (role: "weights" | "strata" | "cluster", ok: (f: InferredField) => string | null): number | null => {
    for (const i of profile.roles[role]) {
      const f = fields[i] as InferredField;
      const problem = ok(f);
      if (problem === null) return i;
      evidence.push(`${named(i)} is named like ${role === "cluster" ? "a cluster" : role} but ${problem}: not used`);
    }
    return null;
  };
  const w = pick("weights", (f) =>
    f.spec.type !== "number" && f.spec.type !== "integer"
      ? "is not numeric"
      : !f.complete
        ? "is missing in some rows"
        : !f.positive
          ? "has a value of 0 or less"
          : null,
  );
  const complete = (f: InferredField): string | null => (f.complete ? null : "is missing in some rows");
  const s = pick("strata", complete);
  const c = pick("cluster", (f) => {
    const i = fields.indexOf(f);
    if (profile.roles.weights.includes(i) || i === s) return "has another role";
    // One cluster leaves no variance to estimate.
    const levels = profile.columns[i]?.distinct;
    return levels && levels.size < 2 ? "holds a single cluster" : complete(f);
  });
  if (w === null && s === null && c === null) {
    evidence.push(
      "no column is named like a weight, stratum or cluster (poids, pondération, weight, wt; strate, stratum; cluster, psu, grappe): no design, every row counts once",
    );
    return { declaration: null, evidence };
  }
  const declaration: Partial<DesignDeclaration> = {};
  const name = (i: number): string => (fields[i] as InferredField).spec.name;
  if (c !== null) {
    declaration.ids = [name(c)];
    evidence.push(`ids: ${named(c)} by name (a value in every row)`);
  }
  if (s !== null) {
    declaration.strata = name(s);
    evidence.push(`strata: ${named(s)} by name (a value in every row)`);
  }
  if (w !== null) {
    declaration.weights = name(w);
    evidence.push(`weights: ${named(w)} by name (a positive number in every row)`);
  }
  const nesting = s !== null && c !== null ? profile.nesting.find((n) => n.strata === s && n.cluster === c) : undefined;
  if (nesting?.unchecked) {
    declaration.nest = true;
    evidence.push("nest: true, as too many clusters to check that each lies in one stratum (harmless when they do)");
  } else if (nesting?.reused) {
    declaration.nest = true;
    evidence.push(`nest: true, as a cluster id of ${named(c as number)} appears in more than one stratum (ids are numbered within strata)`);
  } else if (nesting) evidence.push(`each cluster lies in one stratum: no nest needed`);
  const lonely = nesting
    ? nesting.unchecked
      ? null
      : nesting.lonely
    : s !== null && c === null
      ? (profile.singletonStrata.get(s) ?? null)
      : 0;
  if (lonely === null || lonely > 0) {
    declaration.lonely_psu = "adjust";
    evidence.push(
      lonely === null
        ? "lonely_psu: adjust, as too many strata to check for a stratum with one sampling unit"
        : `lonely_psu: adjust, as ${count(lonely)} stratum${lonely === 1 ? "" : "s"} hold${lonely === 1 ? "s" : ""} a single sampling unit (R: options(survey.lonely.psu = "adjust"))`,
    );
  }
  return { declaration, evidence };
}

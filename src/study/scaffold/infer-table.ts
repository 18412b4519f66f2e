import { isExportMetadata } from "../../xlsform/index.js";
import type { DesignDeclaration } from "../study-file.js";
import type { ScaffoldComments } from "./comments/en.js";
import { type MissingCode, missingCode, scaffoldComments } from "./comments/index.js";
import { missingTokenLabel } from "./evidence.js";
import { type InferredField, inferField } from "./infer-fields.js";
import { applyLabels } from "./labels.js";
import type { SavField } from "./source.js";
import type { TableProfile } from "./table-profile.js";

/**
 * From a table's profile to a whole Table Schema, a primary key, a design proposal and the
 * evidence behind each, for `init` without a base study (fresh-study.ts writes them out).
 */

export interface InferredTable {
  rows: number;
  /** Rows whose cell count differs from the header's. */
  ragged: number;
  /** Positions (from 1) of columns without a header, left out of the schema. */
  unnamed: number[];
  decimalMark: "." | ",";
  fields: InferredField[];
  /** The schema's codes: blank, then each recognised token seen, with its cells and columns. */
  missing: (MissingCode & { cells: number; columns: number })[];
  primaryKey: { field: string; evidence: string } | null;
  design: { declaration: Partial<DesignDeclaration> | null; evidence: string[] };
}

/** The table inferred from a profile, its evidence worded in `lang` (the language of the comments). */
export function inferTable(profile: TableProfile, lang: "en" | "fr", metadata: readonly SavField[] = []): InferredTable {
  const c = scaffoldComments(lang);
  const { rows, columns } = profile;
  const comma = columns.reduce((a, c) => a + c.commaDecimals, 0);
  const point = columns.reduce((a, c) => a + c.pointDecimals, 0);
  const decimalMark = comma > point ? "," : ".";
  const fields = columns.map((column, i) => inferField(column, i, rows, decimalMark, c));
  dedupeNames(fields);
  applyLabels(fields, metadata, c);
  // A survey platform's submission metadata (KoboToolbox's _id, _index, __version__; ODK
  // Central's KEY, DeviceID...) describes the upload, not the respondent.
  for (const f of fields)
    if (f.suggestion !== null && isExportMetadata(f.column)) {
      f.suggestion = null;
      f.evidence += `${c.sep}${c.platformMetadata}`;
    }

  const tokens = new Map<string, { cells: number; columns: number }>();
  for (const column of columns)
    for (const [t, n] of column.tokens) {
      const seen = tokens.get(t) ?? { cells: 0, columns: 0 };
      tokens.set(t, { cells: seen.cells + n, columns: seen.columns + 1 });
    }
  const missing = [
    {
      ...missingCode("", "blank", c),
      cells: columns.reduce((a, column) => a + column.blank, 0),
      columns: columns.filter((column) => column.blank > 0).length,
    },
    ...[...tokens]
      .sort((a, b) => a[0].localeCompare(b[0], "en"))
      .map(([value, n]) => ({ ...missingCode(value, missingTokenLabel(value) ?? "missing", c), ...n })),
  ];

  const design = proposeDesign(profile, fields, c);
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
        evidence: c.primaryKey(key.spec.name, key.column, rows),
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
function proposeDesign(profile: TableProfile, fields: InferredField[], words: ScaffoldComments): InferredTable["design"] {
  const evidence: string[] = [];
  const named = (i: number): string => fields[i]?.column ?? "";
  const pick = (role: "weights" | "strata" | "cluster", ok: (f: InferredField) => string | null): number | null => {
    for (const i of profile.roles[role]) {
      const f = fields[i] as InferredField;
      const problem = ok(f);
      if (problem === null) return i;
      evidence.push(words.namedLike(named(i), role, problem));
    }
    return null;
  };
  const w = pick("weights", (f) =>
    f.spec.type !== "number" && f.spec.type !== "integer"
      ? words.notNumeric
      : !f.complete
        ? words.missingSome
        : !f.positive
          ? words.notPositive
          : null,
  );
  const complete = (f: InferredField): string | null => (f.complete ? null : words.missingSome);
  const s = pick("strata", complete);
  const c = pick("cluster", (f) => {
    const i = fields.indexOf(f);
    if (profile.roles.weights.includes(i) || i === s) return words.otherRole;
    // One cluster leaves no variance to estimate.
    const levels = profile.columns[i]?.distinct;
    return levels && levels.size < 2 ? words.singleCluster : complete(f);
  });
  if (w === null && s === null && c === null) {
    evidence.push(words.noDesign);
    return { declaration: null, evidence };
  }
  const declaration: Partial<DesignDeclaration> = {};
  const name = (i: number): string => (fields[i] as InferredField).spec.name;
  if (c !== null) {
    declaration.ids = [name(c)];
    evidence.push(words.designIds(named(c)));
  }
  if (s !== null) {
    declaration.strata = name(s);
    evidence.push(words.designStrata(named(s)));
  }
  if (w !== null) {
    declaration.weights = name(w);
    evidence.push(words.designWeights(named(w)));
  }
  const nesting = s !== null && c !== null ? profile.nesting.find((n) => n.strata === s && n.cluster === c) : undefined;
  if (nesting?.unchecked) {
    declaration.nest = true;
    evidence.push(words.nestUnchecked);
  } else if (nesting?.reused) {
    declaration.nest = true;
    evidence.push(words.nestReused(named(c as number)));
  } else if (nesting) evidence.push(words.nestNotNeeded);
  const lonely = nesting
    ? nesting.unchecked
      ? null
      : nesting.lonely
    : s !== null && c === null
      ? (profile.singletonStrata.get(s) ?? null)
      : 0;
  if (lonely === null || lonely > 0) {
    declaration.lonely_psu = "adjust";
    evidence.push(lonely === null ? words.lonelyUnchecked : words.lonely(lonely));
  }
  return { declaration, evidence };
}

import type { DesignSummary } from "../result/index.js";
import { replicateFields, type DesignDeclaration } from "../study/index.js";
import { buildDesign, replicateDesign, type CodedIds, type SurveyDesign } from "../estimate/index.js";
import { columnOf, labelColumn, numericColumn, rowCount, type DataTable, type LevelCodes, type RowLines } from "./data-table.js";
import { weightDesign, type WeightingPlace } from "./weighting-input.js";

/** A design field's ids: its codes when the column is coded (no string per row), else labels. */
function idsOf(table: DataTable, field: string): CodedIds | string[] {
  const coded = columnOf(table, field).coded();
  return coded ? { codes: coded.codes, labels: coded.dictionary } : (labelColumn(table, field) as string[]);
}

/** "line 17": where accepted row i is in its file. */
const lineOf =
  (lines: RowLines) =>
  (row: number): string =>
    `line ${lines.at(row)}`;

/** What a declared weighting needs: the table's level codes, and where the study file states it. */
export interface WeightingContext {
  levelCodes: (field: string) => LevelCodes;
  where: (p: (string | number)[]) => string;
  file: string;
  /** The dataset's design in the study file: ["datasets", name, "design"]. */
  path: (string | number)[];
}

/**
 * The survey design a study declares for a dataset, built from its accepted rows (design
 * fields are required, so every row has them), then weighted to population counts when the
 * declaration says so. No declaration: a simple random sample.
 */
export function designForTable(
  table: DataTable,
  decl: DesignDeclaration | undefined,
  weighting?: WeightingContext,
): { design: SurveyDesign; summary: DesignSummary } {
  const n = rowCount(table);
  const ids = (decl?.ids ?? []).map((f) => idsOf(table, f));
  const sampled = buildDesign({
    n,
    ids,
    ...(decl?.strata ? { strata: idsOf(table, decl.strata) } : {}),
    ...(decl?.weights ? { weights: numericColumn(table, decl.weights) } : {}),
    ...(decl && decl.fpc.length > 0 ? { fpc: decl.fpc.map((f) => numericColumn(table, f)) } : {}),
    nest: decl?.nest ?? false,
    lonelyPsu: decl?.lonely_psu ?? "fail",
    // Messages name the file's line: accepted rows skip rejected ones and multi-line records.
    ...(table.lines ? { rowName: lineOf(table.lines) } : {}),
    ...(decl?.weights ? { weightsName: decl.weights } : {}),
  });
  const rowName = table.lines ? lineOf(table.lines) : (row: number): string => `row ${row + 1}`;
  const reps = decl?.replicates;
  const repColumns = reps
    ? replicateFields(
        reps,
        table.fields.map((f) => f.name),
      )
    : [];
  const replicated = reps
    ? replicateDesign(sampled, {
        type: reps.type,
        columns: repColumns.map((f) => numericColumn(table, f)),
        combinedWeights: reps.combined_weights,
        rho: reps.rho,
        scale: reps.scale,
        rscales: reps.rscales,
        mse: reps.mse,
      })
    : sampled;
  const weighted =
    decl?.weighting && weighting
      ? weightDesign(table, replicated, decl.weighting, weighting.levelCodes, {
          where: weighting.where,
          file: weighting.file,
          path: [...weighting.path, "weighting"],
          rowName,
        } satisfies WeightingPlace)
      : null;
  const design = weighted?.design ?? replicated;
  let sumWeights = 0;
  for (let i = 0; i < n; i++) sumWeights += design.weights[i] as number;
  return {
    design,
    summary: {
      declared: decl !== undefined,
      description: describeDesign(decl),
      ids: decl?.ids ?? [],
      strata: decl?.strata ?? null,
      weights: decl?.weights ?? null,
      fpc: decl?.fpc ?? [],
      lonely_psu: decl?.lonely_psu ?? "fail",
      n_strata: design.nStrata,
      n_psu: design.nPsu,
      df: design.df,
      sum_weights: sumWeights,
      ...(weighted ? { weighting: weighted.summary } : {}),
      ...(reps && design.replicates
        ? {
            replicates: {
              type: reps.type,
              columns: repColumns,
              count: repColumns.length,
              scale: design.replicates.scale,
              rscales: Array.from(design.replicates.rscales),
              mse: reps.mse,
              rho: reps.rho ?? null,
              combined_weights: reps.combined_weights,
            },
          }
        : {}),
    },
  };
}

function describeDesign(decl: DesignDeclaration | undefined): string {
  if (!decl) return "simple random sample (no design declared)";
  const parts: string[] = [];
  if (decl.strata) parts.push(`stratified by ${decl.strata}`);
  if (!decl.replicates) parts.push(decl.ids.length > 0 ? `clusters ${decl.ids.join(" then ")}` : "individual units");
  if (decl.weights) parts.push(`weights ${decl.weights}`);
  if (decl.replicates) parts.push(`${REPLICATE_WORDS[decl.replicates.type]} replicate weights${decl.replicates.mse ? " (mse)" : ""}`);
  if (decl.fpc.length > 0) parts.push(`finite population correction ${decl.fpc.join(", ")}`);
  const w = decl.weighting;
  if (w?.method) parts.push(`${WEIGHTING_WORDS[w.method]} to population counts`);
  if (w?.trim) parts.push("weights trimmed");
  return parts.join("; ");
}

const REPLICATE_WORDS = {
  JK1: "JK1 jackknife",
  JKn: "JKn jackknife",
  BRR: "BRR",
  Fay: "Fay's BRR",
  bootstrap: "bootstrap",
  SDR: "successive-difference",
  other: "custom",
} as const;

const WEIGHTING_WORDS = { "post-stratify": "post-stratified", rake: "raked", calibrate: "calibrated" } as const;

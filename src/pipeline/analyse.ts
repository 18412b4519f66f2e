import { EstimationContext } from "../estimate/index.js";
import { definitions } from "./definitions/index.js";
import { analyseQualitative } from "../qualitative/index.js";
import {
  type CodebookEntry,
  type DatasetResult,
  type DesignSummary,
  type IndicatorResult,
  RESULT_SCHEMA_VERSION,
  reportSections,
  type StudyResult,
} from "../result/index.js";
import type { LoadedStudy } from "../study/index.js";
import { text, untranslatedTexts, type QualitativeDeclaration } from "../study/index.js";
import { harmonised, withDerived } from "./derive.js";
import { fileErrorCodes, unacceptableDatasets } from "./acceptance.js";
import { columnOf, levelCodesOf, withColumns, type DataTable, type LevelCodes } from "./data-table.js";
import { designForTable } from "./design-input.js";
import type { Definitions } from "./definitions/en.js";
import { agreementReason } from "./notes.js";
import { domainLevelsOf, indicatorDomains, type Domain, type DomainLevels } from "./domain-levels.js";
import { indicatorRequest } from "./indicator-request.js";
import { estimateIndicator } from "./indicator-result.js";
import { checkStudyLevels } from "./level-limit.js";
import { NoRowsError, noRowsMessage } from "./no-rows.js";
import { publishableQuotes, qualitativeInput } from "./qualitative-input.js";
import { readDatasets, type DatasetRun, type ReadOptions } from "./read-datasets.js";

export interface AnalyseOptions extends ReadOptions {
  /** Called once every dataset is read and validated, before estimation (which may still fail). */
  onDatasetsRead?: (datasets: Omit<DatasetResult, "design">[]) => void;
  lang: "en" | "fr";
  /** The command line that reruns this analysis, as shown in the report's appendix. */
  command: string;
  toolVersion: string;
  /** `--max-rejected`: rejected rows tolerated per dataset (N or P%). */
  maxRejected: string;
  /** SOURCE_DATE_EPOCH, when set: the reproducible-builds convention beats the study's date. */
  sourceDateEpoch?: string | undefined;
}

/** What the estimates of one dataset share: its table, its estimation context, its design's summary. */
interface DatasetEstimation {
  table: DataTable;
  estimation: EstimationContext;
  summary: DesignSummary;
  levelCodes: (field: string) => LevelCodes;
  domainLevels: (domain: Domain) => DomainLevels;
}

export interface Analysis {
  result: StudyResult;
  runs: Map<string, DatasetRun>;
}

/** Study file → validated datasets → estimates and qualitative tables → the JSON result. */
export async function analyseStudy(loaded: LoadedStudy, options: AnalyseOptions): Promise<Analysis> {
  const { study } = loaded;
  const runs = await readDatasets(loaded, options);
  options.onDatasetsRead?.([...runs.values()].map((run) => redactInterviewIds(run.summary, study.qualitative, run.name)));
  // Each dataset's table as estimation reads it: harmonised (compare only), then derived variables added.
  const tables = new Map(
    [...runs.values()].map((run) => {
      const table = harmonised(withColumns(run.table), options.harmonise?.[run.name]);
      return [run.name, withDerived(table, run.name, study.datasets[run.name]?.derive ?? {}, options.lang)] as const;
    }),
  );

  // Each dataset's level codes, made once per field; the level limits are checked on them before
  // any design is built or estimate made.
  const levelCodes = new Map([...tables].map(([name, { table }]) => [name, levelCodesOf(table)] as const));
  checkStudyLevels(loaded, (name) => {
    // A dataset without rows is refused with its own reason when its design is built.
    if (noRowsMessage(runs.get(name) as DatasetRun) !== null) return null;
    const { table } = tables.get(name) as { table: DataTable };
    return {
      has: (field) => table.fieldIndex.has(field),
      numeric: (field) => columnOf(table, field).kind === "number",
      levelCodes: levelCodes.get(name) as (field: string) => LevelCodes,
    };
  });

  // One estimation context per dataset run: its design, row-set facts and working memory.
  const designs = new Map<string, DatasetEstimation>();
  const designFor = (name: string): DatasetEstimation => {
    let d = designs.get(name);
    if (!d) {
      // Say which file and why, rather than a design with n = 0.
      const run = runs.get(name) as DatasetRun;
      const empty = noRowsMessage(run, options.lang);
      if (empty !== null) throw new NoRowsError(empty, run.summary.path);
      const { table } = tables.get(name) as { table: DataTable };
      const levels = levelCodes.get(name) as (field: string) => LevelCodes;
      const { design, summary } = designForTable(table, study.datasets[name]?.design, definitions(options.lang), {
        levelCodes: levels,
        where: loaded.where,
        file: loaded.displayName,
        path: ["datasets", name, "design"],
      });
      d = { table, estimation: new EstimationContext(design), summary, levelCodes: levels, domainLevels: domainLevelsOf(levels) };
      designs.set(name, d);
    }
    return d;
  };

  const indicators: IndicatorResult[] = study.indicators.map((declaration, i) => {
    const spec = indicatorRequest(declaration);
    const { table, estimation, summary, levelCodes, domainLevels } = designFor(spec.dataset);
    // The groupings whose fields the dataset has, none of them the field the indicator is about.
    const domains = indicatorDomains(spec.domains, study.domains, i, (f) => table.fieldIndex.has(f), spec.field).map((d) => d.domain);
    const baseline = spec.baseline ? study.baselines[spec.baseline] : undefined;
    return estimateIndicator(
      { ...spec, label: text(declaration.label, options.lang) },
      {
        table,
        words: definitions(options.lang),
        estimation,
        declared: summary.declared,
        level: study.level,
        minCell: study.disclosure.min_cell,
        reliability: { maxCv: study.reliability.max_cv, minN: study.reliability.min_n },
        domains,
        levelCodes,
        domainLevels,
        baseline:
          spec.baseline && baseline
            ? { id: spec.baseline, label: text(baseline.label, options.lang), value: baseline.value, source: baseline.source ?? null }
            : undefined,
      },
    );
  });

  const datasets: DatasetResult[] = [...runs.values()].map((run) => ({
    ...redactInterviewIds(run.summary, study.qualitative, run.name),
    design: study.datasets[run.name]?.design || usedByIndicator(study.indicators, run.name) ? designFor(run.name).summary : null,
  }));

  const failed = unacceptableDatasets(datasets, options.maxRejected);
  const q = study.qualitative;
  const qualitative = q ? qualitativeResult(q, runs, study.level, definitions(options.lang)) : undefined;

  const untranslated = untranslatedTexts(study, options.lang);
  const result: StudyResult = {
    schema_version: RESULT_SCHEMA_VERSION,
    study: study.study,
    title: text(study.title, options.lang),
    lang: options.lang,
    tool: { name: "exclusion-study", version: options.toolVersion },
    generated: generatedDate(options.sourceDateEpoch, study.date),
    synthetic: study.synthetic,
    notes: study.notes.map((n) => text(n, options.lang)),
    ...(untranslated.length > 0 ? { untranslated } : {}),
    command: options.command,
    sections: study.sections ?? [...reportSections],
    method: {
      level: study.level,
      missing_policy: "exclude-as-domain",
      disclosure: { min_cell: study.disclosure.min_cell },
      reliability: { max_cv: study.reliability.max_cv, min_n: study.reliability.min_n },
    },
    acceptance: {
      acceptable: failed.length === 0,
      max_rejected: options.maxRejected,
      failed,
      file_errors: Object.fromEntries(
        datasets.filter((d) => failed.includes(d.name) && fileErrorCodes(d).length > 0).map((d) => [d.name, fileErrorCodes(d)]),
      ),
    },
    datasets,
    codebook: [...runs.values()].flatMap((run) => [
      ...codebookOf(run, tables.get(run.name)?.table, definitions(options.lang).blankCode),
      ...(tables.get(run.name)?.codebook ?? []),
    ]),
    indicators,
    ...(qualitative ? { qualitative } : {}),
  };
  return { result, runs };
}

function qualitativeResult(
  q: QualitativeDeclaration,
  runs: Map<string, DatasetRun>,
  level: number,
  words: Definitions,
): NonNullable<StudyResult["qualitative"]> {
  const codings = q.codings.map((name) => runs.get(name) as DatasetRun);
  const input = qualitativeInput(q, runs.get(q.interviews) as DatasetRun, codings);
  const quotes = publishableQuotes(
    q,
    codings,
    input.codebook.map((c) => c.code),
  );
  return { ...analyseQualitative(input, { level, reasons: (r) => agreementReason(words, r) }), ...(q.quotes ? { quotes } : {}) };
}

const usedByIndicator = (indicators: readonly { dataset: string }[], name: string): boolean => indicators.some((i) => i.dataset === name);

/** The report's date: SOURCE_DATE_EPOCH if set, else the study's date; never the wall clock. */
function generatedDate(sourceDateEpoch: string | undefined, studyDate: string | undefined): string {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch)) {
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10);
  }
  return studyDate ?? "undated";
}

/**
 * Each field of a dataset as its schema declares it, for labels and the report's codebook; a
 * harmonised field (compare) with the categories estimation used (`table`).
 */
function codebookOf(run: DatasetRun, table: DataTable | undefined, blank: string): CodebookEntry[] {
  return run.table.fields.map((f, i) => ({
    dataset: run.name,
    field: f.name,
    title: f.title ?? f.name,
    type: f.type,
    categories: (table?.fields[i]?.categories ?? f.categories ?? []).map((c) => ({
      value: String(c.value),
      label: c.label ?? String(c.value),
    })),
    missing_values: f.missingValues.map((m) => ({ value: m.value, label: m.label ?? (m.value === "" ? blank : m.value) })),
  }));
}

/**
 * Interview ids never reach a report: issues on the interview-id fields of the qualitative
 * datasets keep their line and code but lose the value (the rejects file, for the researcher,
 * keeps the row).
 */
function redactInterviewIds<T extends Pick<DatasetResult, "issues">>(
  summary: T,
  q: QualitativeDeclaration | undefined,
  dataset: string,
): T {
  if (!q || (dataset !== q.interviews && !q.codings.includes(dataset))) return summary;
  const idField = dataset === q.interviews ? q.interview_id : q.coding_interview;
  return {
    ...summary,
    issues: summary.issues.map((i) =>
      i.field !== idField || i.value === null ? i : { ...i, value: REDACTED, message: i.message.split(i.value).join(REDACTED) },
    ),
  };
}

const REDACTED = "(interview id withheld)";

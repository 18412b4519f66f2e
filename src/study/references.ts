import type { Study } from "./study-file.js";

/** Cross-references inside a study file that zod cannot see: datasets, baselines, ids. */
export function checkStudyReferences(study: Study): { path: (string | number)[]; message: string } | null {
  const datasets = Object.keys(study.datasets);
  const seen = new Set<string>();
  for (const [i, ind] of study.indicators.entries()) {
    if (seen.has(ind.id)) return { path: ["indicators", i, "id"], message: `indicator id "${ind.id}" is used twice; ids must be unique` };
    seen.add(ind.id);
    if (!study.datasets[ind.dataset])
      return { path: ["indicators", i, "dataset"], message: `unknown dataset "${ind.dataset}"; declared: ${datasets.join(", ")}` };
    const baseline = "baseline" in ind ? ind.baseline : undefined;
    if (baseline !== undefined && !study.baselines[baseline])
      return {
        path: ["indicators", i, "baseline"],
        message: `unknown baseline "${baseline}"; declare it under baselines:`,
      };
  }
  const q = study.qualitative;
  if (q) {
    if (!study.datasets[q.interviews])
      return { path: ["qualitative", "interviews"], message: `unknown dataset "${q.interviews}"; declared: ${datasets.join(", ")}` };
    for (const [i, name] of q.codings.entries())
      if (!study.datasets[name])
        return {
          path: ["qualitative", "codings", ...(q.codings.length > 1 ? [i] : [])],
          message: `unknown dataset "${name}"; declared: ${datasets.join(", ")}`,
        };
  }
  return null;
}

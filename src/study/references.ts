import type { StudyMessages } from "./messages/en.js";
import type { Study } from "./study-file.js";

/** Cross-references inside a study file that zod cannot see: datasets, baselines, ids. */
export function checkStudyReferences(study: Study, m: StudyMessages): { path: (string | number)[]; message: string } | null {
  const datasets = Object.keys(study.datasets);
  const seen = new Set<string>();
  for (const [i, ind] of study.indicators.entries()) {
    if (seen.has(ind.id)) return { path: ["indicators", i, "id"], message: m.duplicateId(ind.id) };
    seen.add(ind.id);
    if (!study.datasets[ind.dataset])
      return { path: ["indicators", i, "dataset"], message: m.unknownDataset(ind.dataset, datasets.join(", ")) };
    const baseline = "baseline" in ind ? ind.baseline : undefined;
    if (baseline !== undefined && !study.baselines[baseline])
      return {
        path: ["indicators", i, "baseline"],
        message: m.unknownBaseline(baseline),
      };
  }
  const q = study.qualitative;
  if (q) {
    if (!study.datasets[q.interviews])
      return { path: ["qualitative", "interviews"], message: m.unknownDataset(q.interviews, datasets.join(", ")) };
    for (const [i, name] of q.codings.entries())
      if (!study.datasets[name])
        return {
          path: ["qualitative", "codings", ...(q.codings.length > 1 ? [i] : [])],
          message: m.unknownDataset(name, datasets.join(", ")),
        };
  }
  return null;
}

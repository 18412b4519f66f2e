// The weighting part of "Data and method": per weighted dataset, the method with its iterations and
// tolerance, what trimming did, the weights before weighting, after it and after trimming, and the
// margins reached; English and French. The result is the CLI's for
// docs/examples/weighting-to-margins/study.yaml (--json, --lang fr), kept as
// test/report/fixtures/weighting-result*.json. `UPDATE_GOLDEN=1` rewrites the golden files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { resultSchema } from "../../src/result/study-result.js";
import { goldenDir, here } from "./helpers.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe.each(["en", "fr"] as const)("golden weighting report (%s)", (lang) => {
  const file = lang === "en" ? "weighting-result.json" : "weighting-result-fr.json";
  const result = resultSchema.parse(JSON.parse(readFileSync(join(here, "fixtures", file), "utf8")));
  const out = renderReport(result, { lang, chartDir: `weighting-${lang}.charts` });
  const mdPath = join(goldenDir, `weighting-${lang}.md`);
  if (update) writeFileSync(mdPath, out.markdown);

  it("matches the golden Markdown", () => {
    expect(out.markdown).toBe(readFileSync(mdPath, "utf8"));
  });

  it("shows the control, the trimming and the weights after trimming", () => {
    const t =
      lang === "en"
        ? [
            "(5 iterations of at most 50, convergence tolerance 0.000001,",
            "Then the weights were trimmed to [90, 220] (R survey’s trimWeights, strict, 1 pass): 5 weights were raised to the lower bound and 4 lowered to the upper bound",
            "| after trimming | 90.00 | 220.00 |",
          ]
        : [
            "(5 itérations sur 50 au plus, tolérance de convergence 0,000001,",
            "Les poids ont ensuite été écrêtés à [90\u202f; 220] (trimWeights dans survey de R, strict, 1 passe)\u00a0: 5 poids ont été relevés à la borne inférieure et 4 abaissés à la borne supérieure",
            "| après écrêtage | 90,00 | 220,00 |",
          ];
    for (const s of t) expect(out.markdown).toContain(s);
  });
});

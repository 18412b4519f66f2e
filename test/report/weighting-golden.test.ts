// The weighting part of "Data and method": per weighted dataset, the method with its iterations and
// tolerance, what trimming did, the weights before weighting, after it and after trimming, and the
// margins reached; English and French. The result is the CLI's for
// docs/examples/weighting-to-margins/study.yaml (--json, --lang fr), kept as
// test/report/fixtures/weighting-result*.json. `UPDATE_GOLDEN=1` rewrites the golden files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/report/i18n/en.js";
import { fr } from "../../src/report/i18n/fr.js";
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
            // Only an upper bound: only the weights lowered are told.
            "trimmed to [−∞, 200] (R survey’s trimWeights, 1 pass): 6 weights were lowered to the upper bound, what",
          ]
        : [
            "(5 itérations sur 50 au plus, tolérance de convergence 0,000001,",
            "Les poids ont ensuite été écrêtés à [90\u202f; 220] (trimWeights dans survey de R, strict, 1 passe)\u00a0: 5 poids ont été relevés à la borne inférieure et 4 abaissés à la borne supérieure",
            "| après écrêtage | 90,00 | 220,00 |",
            "écrêtés à [−∞\u202f; 200] (trimWeights dans survey de R, 1 passe)\u00a0: 6 poids ont été abaissés à la borne supérieure, ce",
          ];
    for (const s of t) expect(out.markdown).toContain(s);
  });
});

describe("trimming sentence counts", () => {
  it("French writes 0 and 1 in the singular, English 1 only", () => {
    expect(fr.trimSummary("d", false, "[1 ; 2]", "1", "0", "1", false)).toContain(
      "1 poids a été relevé à la borne inférieure et 0 abaissé à la borne supérieure",
    );
    expect(fr.trimSummary("d", false, "[1 ; 2]", "2", "3", "1", false)).toContain(
      "2 poids ont été relevés à la borne inférieure et 3 abaissés à la borne supérieure",
    );
    expect(fr.trimSummary("d", false, "[1 ; 2]", "0", null, "1", false)).toContain("0 poids a été relevé à la borne inférieure, ce");
    expect(en.trimSummary("d", false, "[1, 2]", null, "1", "1", false)).toContain("1 weight was lowered to the upper bound, what");
    expect(en.trimSummary("d", false, "[1, 2]", "0", "2", "1", false)).toContain(
      "0 weights were raised to the lower bound and 2 lowered to the upper bound",
    );
  });
});

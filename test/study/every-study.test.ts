import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemasAndCheckFields } from "../../src/study/check-fields.js";
import { loadStudy } from "../../src/study/load.js";
import { repoRoot } from "../cli/run.js";

/**
 * Every study file the repository ships (the bundled waves, the documentation's examples, the
 * test studies and fixtures) loads and names only fields its schemas have, with the types its
 * indicators' kinds need: a stricter study schema must not refuse one of them.
 */
const folders = ["data-schemas", "docs/examples", "test", "fixtures"];
const studies = folders
  .flatMap((folder) =>
    readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.ya?ml$/.test(f) && (f.includes("studies") || /(^|[/.])study\.ya?ml$/.test(f)))
      .map((f) => path.join(folder, f)),
  )
  .sort();

describe("every study file of the repository", () => {
  it("is found", () => {
    expect(studies).toContain(path.join("data-schemas", "connexions-solidaires-2014", "study.yaml"));
    expect(studies).toContain(path.join("docs", "examples", "weighted", "study.yaml"));
    expect(studies.filter((f) => f.startsWith(path.join("test", "r-survey", "studies"))).length).toBeGreaterThan(5);
    expect(studies.length).toBeGreaterThanOrEqual(21);
  });

  it.each(studies)("%s loads, and its fields pass the schema checks", async (file) => {
    const loaded = await loadStudy(path.join(repoRoot, file), file);
    await expect(loadSchemasAndCheckFields(loaded)).resolves.toBeInstanceOf(Map);
  });
});

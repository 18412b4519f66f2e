import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StudyFileError } from "../../src/study/errors.js";
import { loadStudy } from "../../src/study/load.js";
import { studySchema } from "../../src/study/study-file.js";
import { root, STUDY_2014, STUDY_2015, UNIVERSE_CHANGED } from "./helpers.js";

const BASE = `study: base-2014
title: Base
lang: fr
date: 2014-01-01
notes: [base note]
level: 0.9
datasets:
  survey:
    path: data/survey.csv
    schema: survey.schema.json
    encoding: windows-1252
    design: { weights: w }
  other: { path: data/other.csv, schema: other.schema.json }
baselines:
  national: { value: 0.1, label: National }
  regional: { value: 0.2, label: Regional }
indicators:
  - id: never
    label: Never online
    dataset: survey
    kind: proportion
    when: { field: internet_use, equals: never }
  - id: daily
    label: Daily
    dataset: survey
    kind: proportion
    when: { field: internet_use, equals: daily }
domains: [age_band]
`;

/** Files in a fresh folder: { "a/b.yaml": text } → absolute folder. */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "waves-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function loadError(file: string, display: string): Promise<string> {
  const error = await loadStudy(file, display).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudyFileError);
  return (error as Error).message;
}

describe("extends", () => {
  it("is a key of the study schema", () => {
    expect(Object.keys(studySchema.shape)).toContain("extends");
  });

  it("inherits and overrides by name and id; wave keys are the child's", async () => {
    const dir = await tree({
      "2014/study.yaml": BASE,
      "2015/study.yaml": `extends: ../2014/study.yaml
study: base-2015
title: New wave
datasets:
  survey:
    path: survey-2015.csv
    rename: { internet_frequency: internet_use }
  extra: { path: extra.csv, schema: extra.schema.json }
baselines:
  national: { value: 0.12, label: National 2015 }
indicators:
  - id: never
    label: Never online (2015)
    dataset: survey
    kind: proportion
    when: { field: internet_use, in: [never, rarely] }
  - id: weekly
    label: Weekly
    dataset: survey
    kind: proportion
    when: { field: internet_use, equals: weekly }
`,
    });
    const { study, resolved } = await loadStudy(path.join(dir, "2015/study.yaml"));
    expect(study.study).toBe("base-2015");
    expect(study.title).toBe("New wave");
    expect(study.date).toBeUndefined();
    expect(study.notes).toEqual([]);
    expect(study.lang).toBe("fr");
    expect(study.level).toBe(0.9);
    expect(study.domains).toEqual(["age_band"]);
    expect(Object.keys(study.datasets)).toEqual(["survey", "other", "extra"]);
    // A restated dataset keeps the base's keys it does not restate.
    expect(study.datasets.survey).toMatchObject({
      path: "survey-2015.csv",
      encoding: "windows-1252",
      rename: { internet_frequency: "internet_use" },
    });
    expect(study.datasets.survey?.design?.weights).toBe("w");
    expect(study.indicators.map((i) => [i.id, i.label])).toEqual([
      ["never", "Never online (2015)"],
      ["daily", "Daily"],
      ["weekly", "Weekly"],
    ]);
    expect(study.baselines.national?.value).toBe(0.12);
    expect(study.baselines.regional?.value).toBe(0.2);
    // Paths resolve against the file that states them.
    expect(resolved.survey).toEqual({
      data: path.join(dir, "2015/survey-2015.csv"),
      schema: path.join(dir, "2014/survey.schema.json"),
      xlsform: false,
    });
    expect(resolved.other).toEqual({
      data: path.join(dir, "2014/data/other.csv"),
      schema: path.join(dir, "2014/other.schema.json"),
      xlsform: false,
    });
    expect(resolved.extra?.data).toBe(path.join(dir, "2015/extra.csv"));
    // Inherited relative paths are restated relative to the child, so reports name them as such.
    expect(study.datasets.other?.path).toBe("../2014/data/other.csv");
  });

  it("says where a key of the merged study is stated, for later checks", async () => {
    const dir = await tree({ "2014/study.yaml": BASE, "2015/study.yaml": "extends: ../2014/study.yaml\nstudy: s\ntitle: T\n" });
    const loaded = await loadStudy(path.join(dir, "2015/study.yaml"), "2015/study.yaml");
    expect(loaded.where(["indicators", 1, "when"])).toBe("2014/study.yaml, ligne 27 (indicators[1].when)");
    expect(loaded.where(["title"])).toBe("2015/study.yaml, ligne 3 (title)");
  });

  it("resolves a child two folders away, and chains of extends", async () => {
    const dir = await tree({
      "a/2014.yaml": BASE,
      "b/c/2015.yaml": "extends: ../../a/2014.yaml\nstudy: w2015\ntitle: W\n",
      "d/2016.yaml": "extends: ../b/c/2015.yaml\nstudy: w2016\ntitle: W16\ndatasets:\n  other: { path: o16.csv }\n",
    });
    const loaded = await loadStudy(path.join(dir, "d/2016.yaml"));
    expect(loaded.study.study).toBe("w2016");
    expect(loaded.resolved.survey?.data).toBe(path.join(dir, "a/data/survey.csv"));
    expect(loaded.resolved.other).toEqual({
      data: path.join(dir, "d/o16.csv"),
      schema: path.join(dir, "a/other.schema.json"),
      xlsform: false,
    });
    expect(loaded.study.indicators).toHaveLength(2);
  });

  it("resolves the bundled 2015 wave and the test wave in another folder", async () => {
    const s15 = await loadStudy(path.join(root, STUDY_2015));
    expect(s15.resolved.questionnaire?.data).toBe(path.join(root, "fixtures/connexions-solidaires-2015/questionnaire.csv"));
    expect(s15.resolved.questionnaire?.schema).toBe(path.join(root, "data-schemas/connexions-solidaires-2015/questionnaire.schema.json"));
    expect(s15.study.datasets.questionnaire?.design?.strata).toBe("reception_point");
    expect(s15.study.indicators.some((i) => "published" in i && i.published)).toBe(false);
    expect(s15.study.qualitative?.interviews).toBe("interviews");
    const s14 = await loadStudy(path.join(root, STUDY_2014));
    expect(s15.study.indicators.map((i) => i.id)).toEqual(s14.study.indicators.map((i) => i.id));
    const uc = await loadStudy(path.join(root, UNIVERSE_CHANGED));
    expect(uc.resolved.questionnaire).toEqual(s15.resolved.questionnaire);
    expect(uc.resolved.youth?.data).toBe(path.join(root, "fixtures/connexions-solidaires-2015/youth.csv"));
  });

  it("stops on a cycle, naming the files", async () => {
    const dir = await tree({
      "a.yaml": "extends: b.yaml\nstudy: a\ntitle: A\n",
      "b.yaml": "extends: a.yaml\nstudy: b\ntitle: B\n",
      "self.yaml": "study: s\ntitle: S\nextends: self.yaml\n",
    });
    expect(await loadError(path.join(dir, "a.yaml"), "a.yaml")).toBe(
      "b.yaml, line 1 (extends): extends cannot form a cycle (a.yaml → b.yaml → a.yaml); remove one of these extends.",
    );
    expect(await loadError(path.join(dir, "self.yaml"), "self.yaml")).toMatch(
      /^self\.yaml, line 3 \(extends\): extends cannot form a cycle \(self\.yaml → self\.yaml\)/,
    );
  });

  it("names the file that holds a wrong key, with its line", async () => {
    const dir = await tree({
      "base/study.yaml": BASE.replace(
        "kind: proportion\n    when: { field: internet_use, equals: daily }",
        "kind: percentage\n    when: { field: internet_use, equals: daily }",
      ),
      "new/study.yaml": "extends: ../base/study.yaml\nstudy: n\ntitle: N\n",
      "new/typo.yaml": "extends: ../base2/study.yaml\nstudy: n\ntitle: N\n",
      "ok/base.yaml": BASE,
      "ok/child.yaml":
        "extends: base.yaml\nstudy: c\ntitle: C\nindicators:\n  - id: extra\n    label: X\n    dataset: survey\n    kind: mean\n",
      "ok/unknown.yaml": "extends: base.yaml\nstudy: c\ntitle: C\ndatasets:\n  survey: { pth: x.csv }\n",
      "ok/list.yaml": "- not a study\n",
      "ok/from-list.yaml": "extends: list.yaml\nstudy: c\ntitle: C\n",
    });
    expect(await loadError(path.join(dir, "ok/from-list.yaml"), "ok/from-list.yaml")).toBe(
      "ok/list.yaml: not a study file (expected keys such as study:, title:, datasets:).",
    );
    // The wrong kind is in the base: the base file and its own path and line are named, in the
    // language the merged study asks for (the base's lang: fr).
    expect(await loadError(path.join(dir, "new/study.yaml"), "new/study.yaml")).toMatch(
      /^base\/study\.yaml, ligne 26 \(indicators\[1\]\.kind\)\u00a0: attendu l’une des valeurs "proportion"/,
    );
    expect(await loadError(path.join(dir, "new/typo.yaml"), "new/typo.yaml")).toBe(
      "new/typo.yaml, line 1 (extends): ../base2/study.yaml does not exist (looked for base2/study.yaml).",
    );
    // The child's appended indicator lacks a key: the child is named.
    expect(await loadError(path.join(dir, "ok/child.yaml"), "ok/child.yaml")).toMatch(
      /^ok\/child\.yaml, ligne \d+ \(indicators\[0\]\.field\)\u00a0: obligatoire pour le type «\u202fmean\u202f»/,
    );
    expect(await loadError(path.join(dir, "ok/unknown.yaml"), "ok/unknown.yaml")).toMatch(
      /^ok\/unknown\.yaml, ligne 5 \(datasets\.survey\)\u00a0: clé inconnue «\u202fpth\u202f»/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { untranslatedTexts } from "../../src/study/index.js";

describe("untranslatedTexts", () => {
  const study = {
    title: { en: "A study", fr: "Une étude" },
    notes: [{ en: "Only English" }, "One text for all"],
    indicators: [
      { id: "never", label: { en: "never use the Internet" } },
      { id: "phone", label: { en: "have a phone", fr: "ont un téléphone" } },
    ],
    derived: { age_band: { label: { en: "Age band" }, bins: { labels: [{ value: "a", label: { en: "Young" } }] } } },
  };

  it("lists every text without the report language, by path, indicators by id", () => {
    expect(untranslatedTexts(study, "fr")).toEqual([
      "notes.0",
      "indicators.never.label",
      "derived.age_band.label",
      "derived.age_band.bins.labels.0.label",
    ]);
  });

  it("lists nothing in English, which every text has", () => {
    expect(untranslatedTexts(study, "en")).toEqual([]);
  });
});

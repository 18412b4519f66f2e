import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fences, headingSlugs, links, root } from "./markdown.js";

const docs = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("README quick start", () => {
  it("is exactly the two lines of issue 2, in one code block", () => {
    const block = fences("README.md").find((f) => f.content.includes("npm ci && npm start"));
    expect(block?.content.trimEnd().split("\n")).toEqual([
      "npm ci && npm start    # installs, builds, writes reports/connexions-solidaires-2014.md (+ .json) from the bundled study",
      "npm test               # the whole test suite",
    ]);
  });
});

describe.each(docs)("links in %s", (file) => {
  it("resolve to a file or folder of the repository, and to a heading of it", () => {
    const broken: string[] = [];
    for (const href of links(file)) {
      if (/^[a-z]+:/i.test(href)) continue; // https:, mailto:
      const [target = "", anchor] = href.split("#");
      const resolved = target === "" ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURI(target));
      if (!existsSync(resolved)) {
        broken.push(`${href} (no such file)`);
        continue;
      }
      if (anchor && resolved.endsWith(".md") && !headingSlugs(path.relative(root, resolved)).has(anchor))
        broken.push(`${href} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});

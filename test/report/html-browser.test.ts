// The HTML report in a real browser (headless Chromium driven by playwright-core): screenshots at
// desktop and phone widths against committed references, no console error, no request beyond
// the page itself, no serious or critical axe-core violation, no sideways scrolling on a phone,
// and A4 pages in print. Without Chromium the tests are skipped with the reason printed, unless
// REQUIRE_BROWSER=1 (set by CI), under which a missing browser fails them.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AxeResults } from "axe-core";
import pixelmatch from "pixelmatch";
import { type Browser, type Page, chromium } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenDir, here } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const required = process.env.REQUIRE_BROWSER === "1";
const present = existsSync(CHROMIUM);
if (!present && !required)
  console.warn(
    `skipping the HTML report's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-dejavu-core, or set CHROMIUM_PATH; CI sets REQUIRE_BROWSER=1).`,
  );

/** `UPDATE_SCREENSHOTS=1 npx vitest run test/report/html-browser.test.ts` rewrites the references; review them. */
const update = process.env.UPDATE_SCREENSHOTS === "1";
const screenshotDir = join(here, "screenshots");
const repoRoot = join(here, "../..");

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
/** One font family from Debian's fonts-dejavu-core for every text, so that pixels do not depend on the machine's fonts. */
const PINNED_FONTS =
  'body, svg { font-family: "DejaVu Sans" !important; } code, pre { font-family: "DejaVu Sans Mono" !important; } * { caret-color: transparent !important; }';
/** Share of pixels that may differ (anti-aliasing), each compared with pixelmatch's colour threshold. */
const MAX_DIFF = 0.002;

/** The committed HTML reports: the bundled study, its French twin and the comparison of two waves. */
const BUNDLED = [
  "reports/connexions-solidaires-2014.html",
  "reports/fr/connexions-solidaires-2014.html",
  "reports/connexions-solidaires-2014-vs-2015/connexions-solidaires-2014-vs-connexions-solidaires-2015.html",
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe.skipIf(!present && !required)("the HTML report in Chromium", { timeout: 240_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!present) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}.`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--font-render-hinting=none", "--force-color-profile=srgb", "--hide-scrollbars", "--disable-gpu", "--disable-lcd-text"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The page opened from its file with the fonts pinned; what the page logged and fetched is collected. */
  async function open(file: string, size: { width: number; height: number }, bypassCSP = false) {
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, bypassCSP, colorScheme: "light" });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    await page.addStyleTag({ content: PINNED_FONTS });
    await page.evaluate(() => document.fonts.ready);
    return { page, errors, requests: requests.filter((r) => r !== url), close: () => context.close() };
  }

  const sample = join(goldenDir, "sample-en.html");

  describe.each(Object.entries(WIDTHS))("at %s width", (name, size) => {
    it("looks as the reference screenshots (top of the page, first chart, first table)", async () => {
      const { page, close } = await open(sample, size);
      try {
        await compare(await page.screenshot(), `sample-${name}.png`);
        await compare(await page.locator("figure.chart").first().screenshot(), `sample-${name}-chart.png`);
        await compare(await page.locator(".table-wrap").first().screenshot(), `sample-${name}-table.png`);
      } finally {
        await close();
      }
      // The README's pictures of the bundled report, remade with the references.
      if (update) {
        const bundled = await open(join(repoRoot, BUNDLED[0]!), size);
        // The desktop picture shows the first chart under its table; the phone one, the top.
        if (name === "desktop") await bundled.page.evaluate(() => document.querySelector("figure.chart")?.scrollIntoView({ block: "end" }));
        writeFileSync(join(repoRoot, `docs/images/html-report-${name}.png`), await bundled.page.screenshot());
        await bundled.close();
      }
    });

    it("logs no error, fetches nothing and has no serious or critical axe-core violation", async () => {
      for (const lang of ["en", "fr"]) {
        const { errors, requests, close } = await open(join(goldenDir, `sample-${lang}.html`), size);
        try {
          expect(errors, lang).toEqual([]);
          expect(requests, lang).toEqual([]);
        } finally {
          await close();
        }
        // axe is injected past the page's Content-Security-Policy, which forbids every script.
        const audited = await open(join(goldenDir, `sample-${lang}.html`), size, true);
        try {
          await audited.page.evaluate(axeSource);
          const violations = await axeViolations(audited.page);
          expect(violations, lang).toEqual([]);
        } finally {
          await audited.close();
        }
      }
    });
  });

  it("the audit can fail: a copy without its language or a chart's name has serious violations", async () => {
    const broken = readFileSync(sample, "utf8")
      .replace('<html lang="en">', "<html>")
      .replace(/<svg ([^>]*)role="img" aria-labelledby="[^"]*"([^>]*)>\n<title [^<]*<\/title>/, '<svg $1role="img"$2>');
    const file = join(mkdtempSync(join(tmpdir(), "html-report-")), "broken.html");
    writeFileSync(file, broken);
    const { page, close } = await open(file, WIDTHS.desktop, true);
    try {
      await page.evaluate(axeSource);
      const ids = (await axeViolations(page)).map((v) => v.split(" ")[0]);
      expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "svg-img-alt"]));
    } finally {
      await close();
    }
  });

  it("never scrolls sideways on a phone: only the tables' own regions do", async () => {
    const { page, close } = await open(sample, WIDTHS.phone);
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTHS.phone.width);
      const wide = await page.evaluate(
        () => [...document.querySelectorAll(".table-wrap")].filter((d) => d.scrollWidth > d.clientWidth).length,
      );
      expect(wide).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it("prints on A4 pages, one section after another", async () => {
    const { page, close } = await open(sample, WIDTHS.desktop);
    try {
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString("latin1");
      const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      const sections = await page.evaluate(() => document.querySelectorAll("main > h2").length);
      // One page at least per section after the first (each starts on a new page).
      expect(boxes.length).toBeGreaterThanOrEqual(sections);
      // A4 is 595.28 × 841.89 points; Chromium rounds to whole device pixels.
      for (const [w, h] of boxes) {
        expect(Math.abs(w! - 595.28)).toBeLessThan(1.5);
        expect(Math.abs(h! - 841.89)).toBeLessThan(1.5);
      }
    } finally {
      await close();
    }
  });

  it("renders the committed reports without error, request or serious axe-core violation", async () => {
    for (const file of BUNDLED) {
      const { errors, requests, close } = await open(join(repoRoot, file), WIDTHS.phone);
      try {
        expect(errors, file).toEqual([]);
        expect(requests, file).toEqual([]);
      } finally {
        await close();
      }
      const audited = await open(join(repoRoot, file), WIDTHS.phone, true);
      try {
        await audited.page.evaluate(axeSource);
        expect(await axeViolations(audited.page), file).toEqual([]);
      } finally {
        await audited.close();
      }
    }
  });
});

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } };
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function compare(actual: Buffer, name: string): Promise<void> {
  const file = join(screenshotDir, name);
  if (update) {
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(file, actual);
  }
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(readFileSync(file));
  expect(`${a.width}×${a.height}`, name).toBe(`${b.width}×${b.height}`);
  const differing = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
  expect(differing / (a.width * a.height), `${name}: ${differing} pixels differ`).toBeLessThanOrEqual(MAX_DIFF);
}

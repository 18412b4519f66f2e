import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg, initWasm } from "@resvg/resvg-wasm";

/** A chart as a PNG file, named like its SVG with the `.png` extension. */
export interface ChartPng {
  name: string;
  png: Uint8Array;
}

/**
 * Pixels per SVG unit: the charts are laid out for 96 dpi screens; twice that keeps their text
 * sharp in a printed Word or PDF document.
 */
const ZOOM = 2;

/**
 * The font every PNG is drawn with, read from the dejavu-fonts-ttf package and never from the
 * system: the same SVG gives the same PNG bytes on every machine. The charts ask for system
 * sans-serif fonts (charts/svg.ts); DejaVu Sans stands in for all of them.
 */
const FONT_FAMILY = "DejaVu Sans";
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"];

const require = createRequire(import.meta.url);
let renderer: Promise<Uint8Array[]> | undefined;

/**
 * The WebAssembly build of resvg (not its native addon): one file for every platform, and the
 * same arithmetic on every processor. Loaded once per process, with the fonts.
 */
function ready(): Promise<Uint8Array[]> {
  renderer ??= (async () => {
    await initWasm(await readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    const fonts = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    return Promise.all(FONT_FILES.map(async (f) => new Uint8Array(await readFile(path.join(fonts, f)))));
  })();
  return renderer;
}

/** PNG copies of SVG charts, in their order: for documents and converters that take no SVG. */
export async function chartPngs(charts: readonly { name: string; svg: string }[]): Promise<ChartPng[]> {
  const fontBuffers = await ready();
  return charts.map((c) => {
    const resvg = new Resvg(c.svg, {
      font: { fontBuffers, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
      fitTo: { mode: "zoom", value: ZOOM },
    });
    try {
      const image = resvg.render();
      try {
        return { name: c.name.replace(/\.svg$/, ".png"), png: image.asPng() };
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  });
}

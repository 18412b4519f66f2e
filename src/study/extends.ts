import path from "node:path";

/**
 * `extends: BASE.yaml`: merging a study file over the one it extends, before zod sees it.
 * Works on the raw (parsed, unvalidated) objects so that zod validates the merged study once,
 * and keeps, for every key of the result, which file stated it (errors name that file).
 */

export type PathKey = string | number;
export type Raw = Record<string, unknown>;

/** Where a key of the merged study was stated: the layer (file) and the path inside it. */
export interface Origin<S> {
  source: S;
  path: PathKey[];
}

export interface Layer<S> {
  raw: Raw;
  /** The file and in-file path that hold a path of `raw`. */
  locate: (p: PathKey[]) => Origin<S>;
}

/** Keys that describe one wave only: never inherited. */
const OWN_KEYS = new Set(["study", "title", "date", "notes", "extends", "harmonise"]);
/** Dataset keys holding paths, resolved against the file that states them. */
const PATH_KEYS = ["path", "schema", "xlsform"] as const;

export const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Merge `child` over `base`. Relative dataset paths the child inherits are rewritten relative to
 * the child's folder, so that the merged study reads as if the child stated them itself.
 */
export function mergeLayers<S>(base: Layer<S>, child: Layer<S>, baseDir: string, childDir: string): Layer<S> {
  const b = base.raw;
  const c = child.raw;
  const raw: Raw = {};
  const indicators = Array.isArray(b.indicators) && Array.isArray(c.indicators) ? mergeIndicators(b.indicators, c.indicators) : null;
  const keys = [...Object.keys(b).filter((k) => !OWN_KEYS.has(k)), ...Object.keys(c)];
  for (const key of new Set(keys)) {
    const [bv, cv] = [b[key], c[key]];
    if (key === "datasets" && isRecord(bv) && (isRecord(cv) || !(key in c)))
      raw[key] = mergeDatasets(bv, isRecord(cv) ? cv : {}, rebaser(baseDir, childDir));
    else if (key === "baselines" && isRecord(bv) && isRecord(cv)) raw[key] = { ...bv, ...cv };
    else if (key === "indicators" && indicators) raw[key] = indicators.items;
    else raw[key] = key in c ? cv : bv;
  }
  const indicatorOrigins = indicators?.origins ?? null;

  const fromChild = (p: PathKey[]): Origin<S> => child.locate(p);
  const locate = (p: PathKey[]): Origin<S> => {
    const [top, second, third] = p;
    if (top === undefined) return fromChild(p);
    if (typeof top !== "string" || OWN_KEYS.has(top)) return fromChild(p);
    if (!(top in c)) return top in b ? base.locate(p) : fromChild(p);
    if (top === "datasets" && typeof second === "string" && isRecord(c.datasets) && isRecord(b.datasets)) {
      const cd = c.datasets[second];
      if (!isRecord(cd)) return second in b.datasets ? base.locate(p) : fromChild(p);
      if (typeof third === "string" && !(third in cd) && isRecord(b.datasets[second])) return base.locate(p);
      return fromChild(p);
    }
    if (top === "baselines" && typeof second === "string" && isRecord(c.baselines) && !(second in c.baselines)) return base.locate(p);
    if (top === "indicators" && typeof second === "number" && indicatorOrigins) {
      const o = indicatorOrigins[second];
      if (o) return (o.from === "base" ? base : child).locate(["indicators", o.index, ...p.slice(2)]);
    }
    return fromChild(p);
  };
  return { raw, locate };
}

/** Datasets merged by name, key by key: what the child restates wins. */
function mergeDatasets(base: Raw, child: Raw, rebase: (v: unknown) => unknown): Raw {
  const out: Raw = {};
  for (const name of new Set([...Object.keys(base), ...Object.keys(child)])) {
    const b = base[name];
    const c = child[name];
    if (!isRecord(b)) {
      out[name] = c;
      continue;
    }
    const inherited: Raw = { ...b };
    for (const k of PATH_KEYS) if (k in inherited) inherited[k] = rebase(inherited[k]);
    out[name] = isRecord(c) ? { ...inherited, ...c } : c === undefined ? inherited : c;
  }
  return out;
}

type IndicatorOrigin = { from: "base" | "child"; index: number };

/** Indicators merged by id: a restated id replaces the base's in place, a new one is appended. */
function mergeIndicators(base: unknown[], child: unknown[]): { items: unknown[]; origins: IndicatorOrigin[] } {
  const idOf = (x: unknown): string | undefined => (isRecord(x) && typeof x.id === "string" ? x.id : undefined);
  const items: unknown[] = base.slice();
  const origins: IndicatorOrigin[] = base.map((_, index) => ({ from: "base", index }));
  child.forEach((ind, index) => {
    const id = idOf(ind);
    const at = id === undefined ? -1 : items.findIndex((x, i) => origins[i]?.from === "base" && idOf(x) === id);
    if (at >= 0) {
      items[at] = ind;
      origins[at] = { from: "child", index };
    } else {
      items.push(ind);
      origins.push({ from: "child", index });
    }
  });
  return { items, origins };
}

/** A relative path stated in `baseDir`, restated relative to `childDir` ("/"-separated). */
function rebaser(baseDir: string, childDir: string): (v: unknown) => unknown {
  return (v) => {
    if (typeof v !== "string" || path.isAbsolute(v) || baseDir === childDir) return v;
    const rel = path.relative(childDir, path.resolve(baseDir, v));
    return rel.split(path.sep).join("/");
  };
}

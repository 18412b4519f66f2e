import type { PathKey } from "./extends.js";

/** Keys that would reach an object's prototype when a study is merged or read. */
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** The path of the first forbidden key in a parsed study file, or null. Iterative. */
export function forbiddenKeyPath(value: unknown): PathKey[] | null {
  const stack: { value: unknown; path: PathKey[] }[] = [{ value, path: [] }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const v = top.value;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...top.path, i] });
      continue;
    }
    const keys = Object.keys(v);
    const bad = keys.find((k) => FORBIDDEN.has(k));
    if (bad !== undefined) return [...top.path, bad];
    for (const k of keys.reverse()) stack.push({ value: (v as Record<string, unknown>)[k], path: [...top.path, k] });
  }
  return null;
}

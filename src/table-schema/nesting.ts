/**
 * How deep a study or schema file may nest mappings and lists. Real files stay under 10 levels
 * (a condition inside `all` inside `not` inside an indicator); the limit keeps a hostile file
 * from exhausting the stack of the recursive code that validates and compiles it.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * The path of the first value nested deeper than `MAX_NESTING_DEPTH` objects or arrays, or null.
 * Iterative, so that the check itself cannot overflow the stack.
 */
export function tooDeepPath(value: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const v = top.value;
    if (v === null || typeof v !== "object") continue;
    if (top.path.length >= MAX_NESTING_DEPTH) return top.path;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries.reverse()) stack.push({ value: x, path: [...top.path, k] });
  }
  return null;
}

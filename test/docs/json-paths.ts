/**
 * The property paths a JSON Schema describes, as docs/result.md writes them:
 * `datasets[].design.n_psu`, `indicators[].domains.NAME[].level`. Objects give one path per
 * property; arrays add `[]`; maps (additionalProperties) add `.NAME`; `anyOf`/`oneOf` (nullable
 * values) give the paths of each choice; `$ref` is followed into `$defs`. Tuples are leaves.
 */
type Node = Record<string, unknown>;

export function jsonSchemaPaths(root: Node): string[] {
  const defs = (root.$defs ?? {}) as Record<string, Node>;
  const walk = (node: Node, prefix: string, seen: readonly string[]): string[] => {
    const ref = node.$ref;
    if (typeof ref === "string") {
      const name = ref.replace(/^#\/\$defs\//, "");
      const target = defs[name];
      // A recursive schema is documented once, where it first appears.
      return target === undefined || seen.includes(name) ? [] : walk(target, prefix, [...seen, name]);
    }
    const out: string[] = [];
    for (const key of ["anyOf", "oneOf", "allOf"] as const) {
      for (const choice of (node[key] ?? []) as Node[]) out.push(...walk(choice, prefix, seen));
    }
    for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      out.push(path, ...walk(value, path, seen));
    }
    if (typeof node.additionalProperties === "object" && node.additionalProperties !== null) {
      out.push(...walk(node.additionalProperties as Node, `${prefix}.NAME`, seen));
    }
    if (typeof node.items === "object" && node.items !== null) out.push(...walk(node.items as Node, `${prefix}[]`, seen));
    return [...new Set(out)];
  };
  return walk(root, "", []);
}

import type { z } from "zod";

/**
 * The dotted key paths a zod schema accepts, as docs/study-file.md writes them:
 * `datasets.NAME.design.ids`, `indicators[].when`. Objects are walked through `.shape`;
 * optional, default, pipe (transform) and refinements are unwrapped; arrays add `[]` and
 * records `.NAME`; a discriminated union has the keys of all its options. Other unions and lazy
 * schemas (conditions, localized text) are leaves: their forms are documented in their own
 * sections.
 */
export function keyPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "nonoptional":
      return keyPaths(def.innerType as z.ZodType, prefix);
    case "pipe":
      return keyPaths(def.in as z.ZodType, prefix);
    case "array":
      return keyPaths(def.element as z.ZodType, `${prefix}[]`);
    case "record":
      return keyPaths(def.valueType as z.ZodType, `${prefix}.NAME`);
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, value]) => {
        const path = prefix === "" ? key : `${prefix}.${key}`;
        return [path, ...keyPaths(value, path)];
      });
    }
    case "union": {
      // A discriminated union (indicators by kind): the keys of every option, each once.
      // Other unions are leaves.
      if (typeof def.discriminator !== "string") return [];
      const options = def.options as z.ZodType[];
      return [...new Set(options.flatMap((option) => keyPaths(option, prefix)))];
    }
    default:
      return [];
  }
}

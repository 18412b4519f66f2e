import { replicateFields, type LoadedStudy } from "../study/index.js";
import type { TableSchema } from "../table-schema/index.js";

/**
 * The fields of a dataset whose values are kept after validation, or undefined to keep all.
 * A field is kept when the study names it anywhere (as a string or a key: indicators, their
 * conditions and universes, design, weighting, domains, derived variables), matches the design's
 * replicate-weight `pattern` (the one key that names fields by a pattern), or `compare`
 * harmonises it; one nobody names (a free-text comment, an export's metadata) is validated
 * and dropped, which saves its dictionary of a million distinct strings. Any name counts, not
 * only the keys that name fields, so a key added to the study file later cannot be missed.
 * A dataset in a foreign key (or a study whose schemas are not all loaded yet) or the qualitative section keeps everything: those checks and
 * the rows they reject read whole rows.
 */
export function storedFields(
  loaded: LoadedStudy,
  dataset: string,
  schema: TableSchema,
  extraNames: readonly string[],
): ReadonlySet<string> | undefined {
  const { study } = loaded;
  const q = study.qualitative;
  // Without every schema at hand, whether another dataset refers to this one is unknown.
  if (loaded.schemas === undefined) return undefined;
  const referenced = [...loaded.schemas.values()].some((s) => s.foreignKeys.some((fk) => fk.reference.resource === dataset));
  if (schema.foreignKeys.length > 0 || referenced || (q && (q.interviews === dataset || q.codings.includes(dataset)))) return undefined;
  const named = new Set<string>(extraNames);
  collectNames(study, named);
  const replicates = study.datasets[dataset]?.design?.replicates;
  if (replicates)
    for (const f of replicateFields(
      replicates,
      schema.fields.map((f) => f.name),
    ))
      named.add(f);
  return new Set(schema.fields.map((f) => f.name).filter((name) => named.has(name)));
}

/** Every string value and object key in a parsed study file. */
function collectNames(value: unknown, out: Set<string>): void {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) collectNames(v, out);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      collectNames(v, out);
    }
}

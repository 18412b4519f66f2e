import { readableValue } from "../../vocabulary/index.js";
import type { RowCheckFactory } from "./check.js";
import { KeyIndex } from "./key-index.js";

const SEP = "\u001f";

/**
 * The primary key identifies a row: a key already seen is a `primary-key` error naming the
 * first line. Key fields are required (compile.ts), so a missing part is a constraint error
 * reported by the cells check, and such rows are skipped here.
 */
export const primaryKey: RowCheckFactory = (env) => {
  const key = env.schema.primaryKey;
  if (!key || key.length === 0) return null;
  const names = key.map((i) => env.schema.fields[i]!.name).join(", ");
  // A one-field key is stored as its value: a Map of a million numbers is far cheaper than
  // one of a million strings.
  const seen = new KeyIndex();
  const single = key.length === 1 ? (key[0] as number) : null;
  return {
    name: "primary-key",
    check(row) {
      let k: string | number | boolean;
      if (single !== null) {
        const v = row.values[single];
        if (row.invalid[single] || v === undefined || typeof v === "object") return;
        k = v;
      } else {
        const parts: string[] = [];
        for (const i of key) {
          const v = row.values[i];
          if (row.invalid[i] || v === undefined || typeof v === "object") return;
          parts.push(String(v));
        }
        k = parts.join(SEP);
      }
      const first = seen.firstLine(k, row.line, row.owned);
      if (first === undefined) return;
      const shown = readableValue(String(k).split(SEP).join(", "));
      env.report(row, "primary-key", "error", names, shown, env.texts.duplicateKey(names, shown, first));
    },
  };
};

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8's full garbage collection, the `gc()` that `node --expose-gc` gives, without asking users
 * to start Node with that flag: the flag set for the time it takes a new context to receive the
 * function, then unset (as Jest does for `--logHeapUsage`). Made on the first call only.
 */
export function fullCollection(): () => void {
  let gc: (() => void) | null = null;
  return () => {
    if (gc === null) {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
      setFlagsFromString("--no-expose-gc");
    }
    gc();
  };
}

// Files out: written atomically (a temporary file, then a rename), or compared with what is on
// disk under --check; file-system errors as one plain `OutputError`.
export { OutputError } from "./errors.js";
export { checkFiles, writeFilesAtomic } from "./write.js";

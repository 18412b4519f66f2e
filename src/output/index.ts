// Files out: written atomically (a temporary file, then a rename), or compared with what is on
// disk under --check; file-system errors as one plain `OutputError`.
export { OutputError, outputError } from "./errors.js";
export { checkFiles, makeFolder, writeFilesAtomic } from "./write.js";

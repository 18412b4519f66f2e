// Files out: a report written as one set (staged, committed by one rename, replayable), single
// files written atomically (a temporary file, then a rename), a lock per output folder, and
// comparison with what is on disk under --check; file-system errors as one plain `OutputError`.
export { OutputError, outputError } from "./errors.js";
export { LOCK_FILE, OutputBusyError, lockOutputFolder } from "./lock.js";
export { setLeftovers, writeFileSet } from "./set.js";
export { checkFiles, makeFolder, type OutputFile, writeFilesAtomic } from "./write.js";

// Files out: written atomically (a temporary file, then a rename), or compared with what is on
// disk under --check.
export { checkFiles, writeFilesAtomic } from "./write.js";

// A first study file from last year's study and a new export (`init`).
export { matchColumns, type FieldInfo, type MatchResult } from "./match-columns.js";
export { sampleColumns } from "./sample.js";
export { nextStudyId, scaffoldYaml } from "./scaffold.js";
export { formStudyYaml } from "./form-study.js";

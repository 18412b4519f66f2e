// A first study file: from last year's study and a new export, or from a data file alone (`init`).
export { type ColumnSample, matchColumns, summarise, type FieldInfo, type MatchResult } from "./match-columns.js";
export { sampleColumns } from "./sample.js";
export { nextStudyId, scaffoldYaml } from "./scaffold.js";
export { formStudyYaml } from "./form-study.js";
export { scaffoldComments } from "./comments/index.js";
export { inferFromData } from "./infer-data.js";
export { freshSchemaJson, freshStudyYaml, identifierFrom } from "./fresh-study.js";

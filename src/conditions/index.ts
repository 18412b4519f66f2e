/** Conditions (`when`, row constraints, subgroups): their schema, fields, compiled form and wording. */
export {
  choicesTest,
  compileCondition,
  conditionFields,
  conditionSchema,
  describeCondition,
  ONE_TEST,
  type ConditionWords,
  UnknownFieldError,
  valueMatcher,
  type CompiledCondition,
  type Condition,
  type LeafCondition,
} from "./condition.js";

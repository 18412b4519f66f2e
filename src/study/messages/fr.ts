import type { ErrorCode } from "yaml";
import type { StudyMessages } from "./en.js";
import { french } from "../../vocabulary/french.js";

/**
 * French sentences of a study file that cannot be used. Typed as `StudyMessages`, so a missing
 * or extra key fails to compile. French typography: a no-break space before ":", a narrow one
 * before ";" and inside « guillemets ».
 */
const { NB, semi, q } = french;
/** A number as the study file states it, with a decimal comma. */
const num = (s: string): string => s.replace(".", ",");
/** zod's names of a value's type, in French. */
const TYPE_WORDS: Record<string, string> = {
  number: "un nombre",
  string: "un texte",
  object: "un objet (des clés et leurs valeurs)",
  array: "une liste",
  boolean: "true ou false",
};
const typeWord = (t: string): string => TYPE_WORDS[t] ?? t;
/** "a", "a et b", "a, b et c". */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
const numericUse = "prenez un champ number, integer ou boolean";
const readsAbove = "une variable dérivée lit les champs du schéma et les variables dérivées déclarées au-dessus d’elle";
const indicator = (id: string | null, kind: string): string =>
  id === null ? `un indicateur de type ${kind}` : `l’indicateur ${q(id)} (type ${kind})`;

/**
 * The kind of YAML syntax error, by the parser's code: its own sentence is English. A code a
 * later version of the parser adds gets the generic sentence (the place still names line and
 * column).
 */
const yamlKinds: Record<ErrorCode, string> = {
  ALIAS_PROPS: "un alias (*nom) ne peut porter ni ancre ni étiquette",
  BAD_ALIAS: "alias (*nom) non valide",
  BAD_DIRECTIVE: "directive YAML (%…) non valide",
  BAD_DQ_ESCAPE: "séquence d’échappement non valide dans une chaîne entre guillemets doubles",
  BAD_INDENT: "indentation incorrecte",
  BAD_PROP_ORDER: "ancre et étiquette dans le mauvais ordre",
  BAD_SCALAR_START: "une valeur ne peut pas commencer par ce caractère (mettez-la entre guillemets)",
  BLOCK_AS_IMPLICIT_KEY: `un bloc ne peut pas servir de clé${semi} vérifiez l’indentation et les deux-points`,
  BLOCK_IN_FLOW: "un bloc ne peut pas figurer dans une liste [ ] ou un dictionnaire { }",
  BAD_COLLECTION_TYPE: "type de collection non valide pour cette étiquette",
  DUPLICATE_KEY: "clé répétée dans le même dictionnaire",
  IMPOSSIBLE: "structure YAML impossible à lire",
  KEY_OVER_1024_CHARS: "une clé implicite dépasse 1024 caractères",
  MISSING_CHAR: "un caractère manque (guillemet fermant, virgule, deux-points ou crochet)",
  MULTILINE_IMPLICIT_KEY: "une clé implicite ne peut pas s’étendre sur plusieurs lignes",
  MULTIPLE_ANCHORS: "un nœud ne peut porter qu’une ancre",
  MULTIPLE_DOCS: "le fichier contient plusieurs documents YAML (---)",
  MULTIPLE_TAGS: "un nœud ne peut porter qu’une étiquette",
  NON_STRING_KEY: "une clé doit être un texte",
  RESOURCE_EXHAUSTION: "le document demande trop de ressources pour être lu",
  TAB_AS_INDENT: "une tabulation sert d’indentation (indentez avec des espaces)",
  TAG_RESOLVE_FAILED: "étiquette inconnue ou valeur qu’elle ne peut pas lire",
  UNEXPECTED_TOKEN: "élément inattendu à cet endroit",
};
const isYamlCode = (code: string): code is ErrorCode => Object.hasOwn(yamlKinds, code);

export const fr: StudyMessages = {
  fileLine: (file, line) => `${file}, ligne ${line}`,
  fileLineColumn: (file, line, column) => `${file}, ligne ${line}, colonne ${column}`,
  colon: `${NB}:`,
  missingKey: `absente${semi} ajoutez cette clé (voir docs/study-file.md)`,
  notYaml: (why) => `ni YAML ni JSON valide (${why})`,
  yamlSyntax: (code) => `ni YAML ni JSON valide (${isYamlCode(code) ? yamlKinds[code] : "erreur de syntaxe"})`,
  tooDeep: (limit) => `dictionnaires et listes sont imbriqués sur plus de ${limit} niveaux${semi} aplatissez-les (voir docs/study-file.md)`,
  tooManyAliases: (limit) =>
    `les alias YAML (*nom) se développent en plus de ${limit} copies, ce qui pourrait épuiser la mémoire${semi} écrivez plutôt les valeurs`,
  emptyFile: `le fichier est vide${semi} un fichier d’étude a au moins study:, title: et datasets: (voir docs/study-file.md)`,
  notAStudy: "pas un fichier d’étude (clés attendues comme study:, title:, datasets:)",
  extendsPath: "attendu le chemin d’un autre fichier d’étude, relatif à celui-ci",
  extendsCycle: (cycle) => `les extends ne peuvent pas former un cycle (${cycle})${semi} retirez l’un de ces extends`,
  extendsMissing: (ext, looked) => `${ext} n’existe pas (cherché${NB}: ${looked})`,
  forbiddenKey: (key) => `${q(key)} ne peut pas être une clé d’un fichier d’étude${semi} retirez-la`,
  unknownKeys: (keys) =>
    `${keys.length > 1 ? "clés inconnues" : "clé inconnue"} ${keys.map(q).join(", ")}${semi} vérifiez l’orthographe dans docs/study-file.md`,
  oneOf: (values) => `attendu l’une des valeurs ${values}`,
  expected: (what) => `attendu${NB}: ${typeWord(what)}`,
  atMost: (limit, inclusive) => `doit être ${inclusive ? "au plus" : "inférieur à"} ${limit}`,
  atLeast: (limit, inclusive) => `doit être ${inclusive ? "au moins" : "supérieur à"} ${limit}`,
  notEmpty: "ne doit pas être vide",
  text: `doit être un texte${NB}: une chaîne, ou { en: ..., fr: ... } pour deux langues`,
  notCondition: `condition ou valeur non valide ici${semi} voir dans docs/study-file.md les formes admises`,
  invalid: "fichier d’étude non valide",
  invalidKey: (why) => `clé non valide${semi} ${why}`,
  conditionOneTest: `une condition sur un champ demande exactement un test${NB}: equals, in, lt, le, gt, ge, missing, any_of ou all_of`,
  duplicateId: (id) => `l’identifiant d’indicateur ${q(id)} est utilisé deux fois${semi} les identifiants doivent être uniques`,
  unknownDataset: (name, declared) => `jeu de données inconnu ${q(name)}${semi} déclarés${NB}: ${declared}`,
  unknownBaseline: (name) => `référence inconnue ${q(name)}${semi} déclarez-la sous baselines:`,

  identifierChars: "prenez des lettres, des chiffres, _ . ou -, en commençant par une lettre",
  isoDate: "écrivez une date ISO comme 2014-11-27",
  noDataset: "déclarez au moins un jeu de données",
  sectionTwice: "nommez chaque section une seule fois",
  schemaOrForm: `donnez au jeu de données soit un schema (un fichier Table Schema), soit un xlsform (le XLSForm de l’enquête), pas les deux`,
  domainEntry: `un sous-groupe est un nom de champ, ou une liste d’au moins deux noms de champs différents à croiser (toutes les combinaisons de leurs modalités), p.${NB}ex. [housing, age_band]`,
  replicateColumnsOrPattern:
    "nommez les colonnes de poids répliqués soit par une liste (columns), soit par un motif (pattern), pas les deux",
  badPattern: (pattern) => `${q(pattern)} n’est pas une expression régulière valide`,
  fayNeedsRho: "le type Fay demande rho, le coefficient de Fay (entre 0 et 1)",
  rhoOnlyFay: (type) => `rho est le coefficient de Fay${semi} le type ${type} n’en prend pas`,
  scaleFixed: (type) => `le type ${type} fixe scale et rscales${semi} retirez-les`,
  otherNeedsScale: "le type other demande scale (et rscales, sauf s’ils valent tous 1)",
  jknNeedsRscales: "le type JKn avec des poids combinés demande rscales, (n_h - 1)/n_h pour la strate de chaque réplique",
  replicateNoIds: `un plan à poids répliqués ne prend ni ids, ni strata, ni fpc${NB}: ses poids répliqués en tiennent compte`,
  replicateNeedsWeights: "un plan à poids répliqués demande weights, le poids de l’échantillon complet",
  replicateNoTrim: `un plan à poids répliqués ne peut pas être écrêté${NB}: chaque réplique devrait l’être comme l’échantillon complet, ce que trimWeights de R ne fait pas sur un plan répliqué${semi} retirez trim (ou écrêtez les poids avant de construire les poids répliqués)`,

  trimNoBound: `donnez lower, upper ou les deux${NB}: les bornes des poids`,
  trimOrder: (upper, lower) => `upper (${num(upper)}) doit être supérieur à lower (${num(lower)})`,
  boundsOrder: "la borne inférieure doit être en dessous de la borne supérieure",
  noMethod: "donnez une méthode (post-stratify, rake ou calibrate), trim, ou les deux",
  marginsNeedMethod: "des marges demandent une méthode (post-stratify, rake ou calibrate)",
  methodNeedsMargin: (method) => `${method} demande au moins une marge`,
  postStratifyOneMargin: `la post-stratification prend une seule marge (croisez-y des champs avec fields: [a, b])${semi} prenez method: rake pour plusieurs marges`,
  logitBounds: "le calage logit demande bounds: [lower, upper] avec lower < 1 < upper",
  keyForMethods: (key, methods, method) =>
    `${key} s’applique à la méthode ${methods.slice(0, -1).join(", ")}${methods.length > 1 ? " ou " : ""}${methods.at(-1)}, pas à ${method ?? "l’écrêtage seul"}`,
  marginTotal: (margin, fields, total, reference, population) =>
    `les effectifs de la marge ${margin} (${fields}) font ${num(total)} au total, et non ${population ? `la population de ${num(reference)}` : `les ${num(reference)} de la première marge`}${semi} toutes les marges doivent décrire la même population`,

  notRange: (range) =>
    `${q(range)} n’est pas un intervalle${semi} écrivez-le comme [18, 35) (${q("[")} et ${q("]")}, fermés, incluent la borne, ${q("(")} et ${q(")")}, ouverts, l’excluent${semi} inf pour l’absence de borne)`,
  infiniteOpen: (range) => `${q(range)}${NB}: une extrémité infinie est ouverte${semi} écrivez ( avant -inf et ) après inf`,
  rangeOrder: (range) => `${q(range)}${NB}: la borne inférieure doit être en dessous de la borne supérieure`,
  bandsOrder: (range) =>
    `les tranches doivent être dans l’ordre croissant et ne pas se chevaucher${semi} ${q(range)} commence avant la fin de la tranche au-dessus`,
  bandTwice: (value) => `la valeur de tranche ${q(value)} est donnée deux fois`,
  recodedTwice: (value) => `${q(value)} est recodée deux fois${semi} ne la listez qu’une fois`,
  categoryTwice: (value) => `la modalité ${q(value)} est donnée deux fois`,
  oneOperation: "une variable dérivée demande exactement un de recode, bins, condition, sum, difference ou ratio",
  derivedSchemaName: (field, dataset) =>
    `la variable dérivée ${q(field)} porte le nom d’un champ du schéma du jeu de données ${dataset}${semi} choisissez un autre nom`,
  derivedReadsItself: (field) => `la variable dérivée ${q(field)} se lit elle-même${semi} ${readsAbove}`,
  derivedCycle: (cycle) => `des variables dérivées forment un cycle (${cycle})${semi} ${readsAbove}`,
  derivedReadsBelow: (field, input) =>
    `la variable dérivée ${q(field)} lit ${q(input)}, déclarée en dessous d’elle${semi} placez ${q(input)} au-dessus de ${q(field)}`,
  derivedUnknown: (field, input, dataset, declared) =>
    `la variable dérivée ${q(field)} lit le champ inconnu ${q(input)} du jeu de données ${dataset}${semi} son schéma déclare ${declared}`,
  recodeNotCategorical: (source) => `un recodage demande un champ catégoriel (avec des modalités), or ${q(source)} n’en a pas`,
  notRecoded: (category, source, field) =>
    `la modalité ${q(category)} de ${source} n’est pas recodée${semi} listez-la dans le from de l’une des modalités de ${field}`,
  derivedNotNumeric: (field, input, type) =>
    `la variable dérivée ${q(field)} demande un champ numérique, or ${q(input)} est un champ ${type}${semi} ${numericUse}`,
  harmoniseNoDataset: (dataset, declared) =>
    `pas de jeu de données ${q(dataset)} dans cette étude${semi} ses jeux de données sont ${declared}`,
  harmoniseNoCategories: (field) =>
    `${q(field)} n’a pas de modalités à harmoniser${semi} harmonise fait correspondre les modalités d’un champ catégoriel`,

  unknownField: (field, dataset, declared) =>
    `champ inconnu ${q(field)} dans le jeu de données ${dataset}${semi} son schéma déclare ${declared}`,
  notCategory: (value, field, categories) => `${q(value)} n’est pas une modalité de ${field}${semi} ses modalités sont ${categories}`,
  noDatasetField: (field) => `aucun jeu de données n’a de champ ${q(field)}`,
  noDatasetCrossed: (fields) => `aucun jeu de données n’a tous les champs croisés ${fields.map(q).join(", ")}`,
  replicateNotNumeric: (field, type, dataset) =>
    `les poids répliqués doivent être numériques, or ${q(field)} est un champ ${type} du jeu de données ${dataset}`,
  patternMatches: (pattern, matched, dataset) =>
    `le motif ${q(pattern)} ne désigne ${matched.length === 0 ? "aucun champ" : `que ${matched[0]}`} du jeu de données ${dataset}${semi} un plan répliqué demande au moins deux colonnes de poids répliqués`,
  rscalesCount: (given, columns) =>
    `rscales a ${given} valeurs mais il y a ${columns} colonnes de poids répliqués${semi} donnez-en une par colonne (ou une pour toutes)`,
  totalNotNumeric: (field, type, dataset) =>
    `un total de calage demande un champ numérique, or ${q(field)} est un champ ${type} du jeu de données ${dataset}${semi} ${numericUse}`,
  notNumeric: (id, kind, field, type, dataset) =>
    `${indicator(id, kind)} demande un champ numérique, or ${q(field)} est un champ ${type} du jeu de données ${dataset}${semi} ${numericUse}`,
  notMultiple: (id, field, dataset) =>
    `${indicator(id, "multi_select")} demande un champ à choix multiples, or ${q(field)} n’a pas "multiple": true dans le schéma du jeu de données ${dataset}`,

  notForKind: (key, id, kind, takers) =>
    `${q(key)} ne s’applique pas à ${indicator(id, kind)}${semi} seuls les indicateurs ${listed(takers)} le prennent`,
  requiredForKind: (kind, why) => `obligatoire pour le type ${q(kind)}${NB}: ${why}`,
  whyField: "la variable à estimer",
  whyMultipleField: "le champ à choix multiples (un champ du schéma avec multiple: true)",
  whyRows: "le champ catégoriel dont les modalités sont les lignes du tableau",
  whyColumns: "le champ catégoriel dont les modalités sont les colonnes du tableau",
  whyNumerator: "le champ sommé au numérateur",
  whyDenominator: "le champ sommé au dénominateur",
  whyWhen: "la condition dont la part est estimée",
  whyProbs: `les probabilités, p.${NB}ex. [0.5]`,
  whyFamily: `le modèle${NB}: gaussian (linéaire) ou binomial (logistique)`,
  whyPredictors: "les champs sur lesquels la variable expliquée est régressée",
  countOneOf: (both) =>
    `${both ? `${q("when")} et ${q("field")} sont donnés tous les deux` : `ni ${q("when")} ni ${q("field")} n’est donné`}${semi} un comptage en prend exactement un${NB}: ${q("when")} pour le nombre de personnes qui remplissent une condition, ${q("field")} pour le nombre dans chaque modalité d’un champ`,
  regressionOneOutcome: "une régression prend exactement un de outcome (un champ) et when (une condition)",
  whenNeedsBinomial: "une variable expliquée donnée par une condition (when) demande family: binomial",
  predictorTwice: (field) => `la variable explicative ${q(field)} est listée deux fois`,
  interactionNotPredictor: (field) => `le terme d’interaction ${q(field)} n’est pas l’une des variables explicatives`,
  interactionSame: (field) => `une interaction demande deux variables explicatives différentes, pas deux fois ${q(field)}`,
};

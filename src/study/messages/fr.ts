import type { StudyMessages } from "./en.js";

/**
 * French sentences of a study file that cannot be used. Typed as `StudyMessages`, so a missing
 * or extra key fails to compile. French typography: a no-break space before ":", a narrow one
 * before ";" and inside « guillemets ».
 */
const NB = "\u00a0";
const FN = "\u202f";
const semi = `${FN};`;
const q = (s: string): string => `«${FN}${s}${FN}»`;

export const fr: StudyMessages = {
  fileLine: (file, line) => `${file}, ligne ${line}`,
  colon: `${NB}:`,
  missingKey: `absente${semi} ajoutez cette clé (voir docs/study-file.md)`,
  missingKeyOf: (expected) => `absente${semi} ajoutez cette clé (${expected})`,
  notYaml: (why) => `ni YAML ni JSON valide (${why})`,
  emptyFile: `le fichier est vide${semi} un fichier d’étude a au moins study:, title: et datasets: (voir docs/study-file.md)`,
  notAStudy: "pas un fichier d’étude (clés attendues comme study:, title:, datasets:)",
  extendsPath: "attendu le chemin d’un autre fichier d’étude, relatif à celui-ci",
  extendsCycle: (cycle) => `les extends ne peuvent pas former un cycle (${cycle})${semi} retirez l’un de ces extends`,
  extendsMissing: (ext, looked) => `${ext} n’existe pas (cherché${NB}: ${looked})`,
  forbiddenKey: (key) => `${q(key)} ne peut pas être une clé d’un fichier d’étude${semi} retirez-la`,
  unknownKeys: (keys) =>
    `${keys.length > 1 ? "clés inconnues" : "clé inconnue"} ${keys.map(q).join(", ")}${semi} vérifiez l’orthographe dans docs/study-file.md`,
  oneOf: (values) => `attendu l’une des valeurs ${values}`,
  expected: (what) => `attendu${NB}: ${what}`,
  atMost: (limit, inclusive) => `doit être ${inclusive ? "au plus" : "inférieur à"} ${limit}`,
  atLeast: (limit, inclusive) => `doit être ${inclusive ? "au moins" : "supérieur à"} ${limit}`,
  notEmpty: "ne doit pas être vide",
  text: `doit être un texte${NB}: une chaîne, ou { en: ..., fr: ... } pour deux langues`,
  notCondition: `condition ou valeur non valide ici${semi} voir dans docs/study-file.md les formes admises`,
  invalid: "fichier d’étude non valide",
  duplicateId: (id) => `l’identifiant d’indicateur ${q(id)} est utilisé deux fois${semi} les identifiants doivent être uniques`,
  unknownDataset: (name, declared) => `jeu de données inconnu ${q(name)}${semi} déclarés${NB}: ${declared}`,
  unknownBaseline: (name) => `référence inconnue ${q(name)}${semi} déclarez-la sous baselines:`,
};

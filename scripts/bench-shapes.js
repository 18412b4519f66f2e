// The shapes of `npm run bench`: each a seeded generator of one data file (same seed and rows, same
// bytes), the committed study and Table Schema it is reported with (bench/shapes/<letter>/), the R
// script that computes the same estimates, and what a run of `report` must end with.
//
//   node scripts/bench-shapes.js LETTER ROWS FILE   # writes one shape's data file
//
// Rows are written in chunks of about 1 MB, so that 10,000,000 rows never make one string.
import { closeSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLED_STUDY = "data-schemas/connexions-solidaires-2014/study.yaml";
const BUNDLED_R = "bench/shapes/a/estimates.R";
/** The seed of every shape: the one the bench has always used for the bundled shape. */
const SEED = 9;
/** A memory target given in MB (10^6 bytes), in the MiB (2^20 bytes) the bench measures. */
const mb = (n) => (n * 1e6) / 2 ** 20;

/** Seeded draws on pure-rand's xoroshiro128+ (never Math.random). */
function rng(seed) {
  const gen = xoroshiro128plus(seed);
  const u = () => uniformFloat64(gen);
  return {
    u,
    /** Whole number from 0 to n - 1. */
    int: (n) => Math.floor(u() * n),
    /** Index drawn with probability proportional to `weights`. */
    pick(weights) {
      let x = u() * weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
      return weights.length - 1;
    },
    /** A version-4 UUID in lower-case hex, as KoboToolbox and ODK write `_uuid`. */
    uuid() {
      let h = "";
      for (let i = 0; i < 4; i++)
        h += Math.floor(u() * 2 ** 32)
          .toString(16)
          .padStart(8, "0");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[h.charCodeAt(16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

/** Writes `header` then `rows` lines from `line(i)` to `file`, encoded by `encode`. */
function writeLines(file, header, rows, line, { eol = "\n", encode = (s) => Buffer.from(s, "utf8") } = {}) {
  const fd = openSync(file, "w");
  let chunk = header + eol;
  for (let i = 0; i < rows; i++) {
    chunk += line(i) + eol;
    if (chunk.length >= 1 << 20) {
      writeSync(fd, encode(chunk));
      chunk = "";
    }
  }
  writeSync(fd, encode(chunk));
  closeSync(fd);
}

const csvCell = (s) => (/[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const YES_NO = ["yes", "no"];
const REGIONS = ["ara", "bfc", "bre", "cvl", "ges", "hdf", "idf"];
const REGION_SHARE = [0.2, 0.08, 0.1, 0.07, 0.15, 0.16, 0.24];
const EMPLOYMENT = ["employed", "unemployed", "inactive", "student"];

/**
 * The people of shapes b, d, f and g: 7 strata, clusters (households) of two or three rows in a
 * row, a weight per stratum with some spread, and answers with a few missing codes.
 */
function people(r, rows) {
  let cluster = -1;
  let left = 0;
  let region = 0;
  let household = "";
  let weight = 0;
  return (i) => {
    if (left === 0) {
      // Rows are grouped by stratum, then household, as a survey platform's export sorted by area.
      let acc = 0;
      for (region = 0; region < REGIONS.length - 1; region++) if (i < (acc += REGION_SHARE[region] * rows)) break;
      left = 2 + r.int(2);
      cluster++;
      household = r.uuid();
      weight = (50 + 30 * region + 40 * r.u()).toFixed(4);
    }
    left--;
    const nr = (p) => r.u() < p;
    const age = nr(0.02) ? "NR" : String(16 + r.int(75));
    const employment = nr(0.03) ? "NSP" : EMPLOYMENT[r.pick([0.55, 0.12, 0.23, 0.1])];
    const income = nr(0.05) ? "NR" : (300 + Math.exp(6 + 1.2 * r.u()) + 10 * region).toFixed(2);
    return {
      id: r.uuid(),
      region: REGIONS[region],
      household,
      cluster,
      weight,
      sex: r.u() < 0.52 ? "female" : "male",
      age,
      household_size: String(1 + r.int(7)),
      employment,
      income,
      food: income === "NR" || nr(0.02) ? "NR" : (Number(income) * (0.1 + 0.2 * r.u())).toFixed(2),
      internet: YES_NO[r.u() < 0.78 ? 0 : 1],
      phone: YES_NO[r.u() < 0.93 ? 0 : 1],
      bank: nr(0.01) ? "" : YES_NO[r.u() < 0.9 ? 0 : 1],
      health: nr(0.04) ? "" : String(1 + r.pick([0.2, 0.35, 0.25, 0.12, 0.08])),
    };
  };
}

const PEOPLE_HEADER = [
  "respondent_id",
  "region",
  "household_id",
  "weight",
  "sex",
  "age",
  "household_size",
  "employment",
  "monthly_income",
  "food_spend",
  "internet",
  "phone",
  "bank_account",
  "health",
];
const peopleCells = (p) =>
  [
    p.id,
    p.region,
    p.household,
    p.weight,
    p.sex,
    p.age,
    p.household_size,
    p.employment,
    p.income,
    p.food,
    p.internet,
    p.phone,
    p.bank,
    p.health,
  ].join(",");

/** (b), (f): 14 columns, a UUID per row as the primary key, households of two or three. */
function textIds(file, rows, seed) {
  const next = people(rng(seed), rows);
  writeLines(file, PEOPLE_HEADER.join(","), rows, (i) => peopleCells(next(i)));
}

// Free text: words, some with accents, with quotes, semicolons, commas and line breaks.
const WORDS = `the internet is useful but expensive ; my daughter helps me with the forms , la caf demande un
 compte en ligne je n'ai pas d'ordinateur "pas facile" les démarches sont longues l'accueil était très bien
 I call my family abroad every week the phone card costs too much ; sans téléphone impossible de trouver
 un logement "merci" à l'équipe`
  .split(/\s+/)
  .filter((w) => w !== "");

/** (d): shape (b) with a free-text answer averaging about 200 characters. */
function freeText(file, rows, seed) {
  const r = rng(seed);
  const next = people(r, rows);
  const comment = () => {
    if (r.u() < 0.1) return "";
    // Uniform length in [0, 400): 200 characters on average among those who answered.
    const target = 1 + r.int(400);
    let text = WORDS[r.int(WORDS.length)];
    while (text.length < target) text += (r.u() < 0.04 ? "\n" : " ") + WORDS[r.int(WORDS.length)];
    return csvCell(text.slice(0, target).trim());
  };
  writeLines(file, [...PEOPLE_HEADER, "comment"].join(","), rows, (i) => `${peopleCells(next(i))},${comment()}`);
}

/** (g): a subgroup field with 50,000 levels and a field of 50,000 distinct values. */
function manyLevels(file, rows, seed) {
  const r = rng(seed);
  const next = people(r, rows);
  const header = ["respondent_id", "region", "household_id", "weight", "sex", "internet", "commune", "occupation"];
  writeLines(file, header.join(","), rows, (i) => {
    const p = next(i);
    const commune = `c${String(r.int(50_000)).padStart(5, "0")}`;
    const occupation = `occ-${String(r.int(50_000)).padStart(5, "0")}`;
    return [p.id, p.region, p.household, p.weight, p.sex, p.internet, commune, occupation].join(",");
  });
}

// (e): a French Excel export, "CSV (séparateur : point-virgule)".
const REGIONS_FR = [
  "Auvergne-Rhône-Alpes",
  "Bretagne",
  "Grand Est",
  "Hauts-de-France",
  "Île-de-France",
  "Occitanie",
  "Provence-Alpes-Côte d'Azur",
];
const HOUSING_FR = ["Rue", "Hébergement", "Hôtel", "Logé"];
const INTERNET_FR = ["Jamais", "Parfois", "Souvent"];
const frenchNumber = (x, decimals) => {
  const [whole, frac] = x.toFixed(decimals).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ")}${frac ? `,${frac}` : ""}`;
};

/** (e): Windows-1252, `;`, CRLF, French headers, decimal commas with a space between thousands. */
function frenchExcel(file, rows, seed) {
  const r = rng(seed);
  const next = people(r, rows);
  const header = [
    "N° questionnaire",
    "Date entretien",
    "Région",
    "Ménage",
    "Sexe",
    "Âge",
    "Logement",
    "Utilise Internet",
    "Ressources mensuelles (€)",
    "Dépense télécom (€)",
    "A un téléphone",
    "Poids",
  ];
  const nr = (p) => r.u() < p;
  writeLines(
    file,
    header.join(";"),
    rows,
    (i) => {
      const p = next(i);
      const resources = nr(0.05) ? (nr(0.5) ? "NSP" : "NR") : frenchNumber(200 + Math.exp(6 + 1.3 * r.u()), 2);
      return [
        i + 1,
        `${1 + r.int(28)}/${String(3 + r.int(4)).padStart(2, "0")}/2015`,
        REGIONS_FR[REGIONS.indexOf(p.region)],
        `M${String(p.cluster + 1).padStart(7, "0")}`,
        p.sex === "female" ? "Femme" : "Homme",
        p.age,
        HOUSING_FR[r.pick([0.12, 0.25, 0.13, 0.5])],
        nr(0.02) ? "NSP" : INTERNET_FR[r.pick([0.35, 0.3, 0.35])],
        resources,
        nr(0.03) ? "NR" : frenchNumber(5 + 60 * r.u(), 2),
        p.phone === "yes" ? "oui" : "non",
        frenchNumber(Number(p.weight) / 50, 4),
      ].join(";");
    },
    { eol: "\r\n", encode: (s) => iconv.encode(s, "win1252") },
  );
}

// (c): a KoboToolbox export of 150 columns ("XML values and headers", group paths, select_multiple
// as separate 0/1 columns), of which the study reads 15 fields.
const SOURCES = ["radio", "tv", "phone", "internet", "newspaper", "friends", "church", "other"];
const FILLER_MULTIPLES = ["needs", "assets", "shocks", "coping"];
const FILLER_OPTIONS = ["a", "b", "c", "d", "e", "f"];
const EDUCATION = ["none", "primary", "secondary", "higher"];
const WATER = ["piped", "well", "borehole", "surface", "vendor"];
/** Select-one questions that fill the export to 150 columns, in 4 groups. */
const FILLER_SELECT_ONE = Array.from(
  { length: 80 },
  (_, k) => `section_${"defg"[k % 4]}/q_${"defg"[k % 4]}${String(k + 1).padStart(2, "0")}`,
);
const FILLER_INTEGER = Array.from({ length: 9 }, (_, k) => `section_h/n_${String(k + 1).padStart(2, "0")}`);
const FILLER_TEXT = ["section_h/other_specify", "section_h/enumerator_notes"];
const KOBO_HEADER = [
  "start",
  "end",
  "today",
  "deviceid",
  "consent/agree",
  "household/region",
  "household/village",
  "household/hh_size",
  "respondent/sex",
  "respondent/age",
  "respondent/education",
  "access/electricity",
  "access/water_source",
  "access/internet",
  "finance/bank_account",
  "finance/mobile_money",
  "finance/income",
  ...SOURCES.map((s) => `info/sources/${s}`),
  ...FILLER_MULTIPLES.flatMap((m) => FILLER_OPTIONS.map((o) => `section_i/${m}/${o}`)),
  ...FILLER_SELECT_ONE,
  ...FILLER_INTEGER,
  ...FILLER_TEXT,
  "_id",
  "_uuid",
  "_submission_time",
  "_validation_status",
  "_notes",
  "_status",
  "_submitted_by",
  "__version__",
  "_tags",
  "_index",
];

/** (c): one row of a KoboToolbox export per respondent; a village (the cluster) for every 10 households. */
function koboWide(file, rows, seed) {
  if (KOBO_HEADER.length !== 150) throw new Error(`the Kobo export has ${KOBO_HEADER.length} columns, not 150`);
  const r = rng(seed);
  const next = people(r, rows);
  // Cells appended to one string: at 150 columns, arrays and spreads were most of the time.
  const ticks = (n, p) => {
    let out = "";
    for (let k = 0; k < n; k++) out += r.u() < p ? ",1" : ",0";
    return out;
  };
  const iso = (d) => `${d.toISOString().slice(0, 23)}+01:00`;
  writeLines(file, KOBO_HEADER.join(","), rows, (i) => {
    const p = next(i);
    const startSecond = 1_700_000_000 + i * 37 + r.int(30);
    const start = new Date(startSecond * 1000);
    const end = new Date((startSecond + 600 + r.int(1800)) * 1000);
    let line = [
      iso(start),
      iso(end),
      start.toISOString().slice(0, 10),
      `collect:device${String(1 + (p.cluster % 40)).padStart(3, "0")}`,
      "yes",
      p.region,
      `v-${p.region}-${String(Math.floor(p.cluster / 10)).padStart(6, "0")}`,
      p.household_size,
      p.sex,
      p.age === "NR" ? "" : p.age,
      EDUCATION[r.pick([0.1, 0.35, 0.4, 0.15])],
      YES_NO[r.u() < 0.85 ? 0 : 1],
      WATER[r.pick([0.5, 0.15, 0.2, 0.05, 0.1])],
      p.internet,
      p.bank,
      YES_NO[r.u() < 0.6 ? 0 : 1],
      p.income === "NR" ? "" : p.income,
    ].join(",");
    // select_multiple: blank cells when the question was not answered.
    line += r.u() < 0.97 ? ticks(SOURCES.length, 0.3) : ",".repeat(SOURCES.length);
    line += ticks(FILLER_MULTIPLES.length * FILLER_OPTIONS.length, 0.2);
    for (let k = 0; k < FILLER_SELECT_ONE.length; k++) {
      const x = r.u();
      line += x < 0.5 ? ",yes" : x < 0.9 ? ",no" : ",dont_know";
    }
    for (let k = 0; k < FILLER_INTEGER.length; k++) line += `,${r.int(12)}`;
    line += r.u() < 0.05 ? ",motorbike" : ",";
    line += r.u() < 0.1 ? ",respondent busy" : ",";
    return `${line},${[
      100_000_000 + i,
      p.id,
      start.toISOString().slice(0, 19),
      "",
      "",
      "submitted_via_web",
      `enum_${String(1 + (p.cluster % 40)).padStart(2, "0")}`,
      "vGKmP7s2X9bQzE3uQyN4dT",
      "",
      i + 1,
    ].join(",")}`;
  });
}

/** (a), (h): the bundled study's questionnaire, streamed from the product's own generator. */
async function bundled(file, rows, seed) {
  const synth = await import(pathToFileURL(join(root, "dist", "synth", "index.js")).href);
  const fd = openSync(file, "w");
  for (const chunk of synth.questionnaireCsvChunks({ seed, rows }, 8192)) writeSync(fd, chunk);
  closeSync(fd);
}

/**
 * Every shape. `study` is relative to the repository; `dataset` is the study's dataset that
 * `--data` replaces; `bare` is how the bare parse reads the file (the encoding the tool decodes);
 * `expect` is what `report` must end with: `report` (exit 0, a report written), `all-rejected`
 * (exit 1 and the all-rejected sentence), `report-or-refusal` (exit 0, or exit 1 with one
 * sentence); `maxRssMib` (peak RSS in MiB; 250 MB is 238.4 MiB) and `timed` are the targets (see
 * scripts/bench.js).
 */
export const SHAPES = {
  a: {
    name: "bundled shape",
    rows: 1_000_000,
    generate: bundled,
    study: BUNDLED_STUDY,
    dataset: "questionnaire",
    r: BUNDLED_R,
    bare: {},
    expect: "report",
    maxRssMib: mb(250),
    timed: true,
  },
  b: {
    name: "text ids, clusters of 2-3",
    rows: 1_000_000,
    generate: textIds,
    study: "bench/shapes/b/study.yaml",
    dataset: "people",
    r: "bench/shapes/b/estimates.R",
    bare: {},
    expect: "report",
    maxRssMib: mb(250),
    timed: true,
  },
  c: {
    name: "KoboToolbox export, 150 columns",
    rows: 1_000_000,
    generate: koboWide,
    study: "bench/shapes/c/study.yaml",
    dataset: "kobo",
    r: "bench/shapes/c/estimates.R",
    bare: {},
    expect: "report",
    maxRssMib: mb(250),
    timed: true,
  },
  d: {
    name: "free text, 200 characters",
    rows: 1_000_000,
    generate: freeText,
    study: "bench/shapes/d/study.yaml",
    dataset: "people",
    r: "bench/shapes/b/estimates.R",
    bare: {},
    expect: "report",
    maxRssMib: mb(250),
    timed: true,
  },
  e: {
    name: "French Excel (Windows-1252, ;)",
    rows: 1_000_000,
    generate: frenchExcel,
    study: "bench/shapes/e/study.yaml",
    dataset: "questionnaire",
    r: "bench/shapes/e/estimates.R",
    bare: { encoding: "windows-1252", delimiter: ";" },
    expect: "report",
    maxRssMib: mb(250),
    timed: true,
  },
  f: {
    name: "every row rejected",
    rows: 1_000_000,
    generate: textIds,
    study: "bench/shapes/f/study.yaml",
    dataset: "people",
    r: null,
    bare: {},
    expect: "all-rejected",
    maxRssMib: 500,
    timed: false,
  },
  g: {
    name: "50,000 levels",
    rows: 1_000_000,
    generate: manyLevels,
    study: "bench/shapes/g/study.yaml",
    dataset: "people",
    r: "bench/shapes/g/estimates.R",
    bare: {},
    expect: "report-or-refusal",
    maxRssMib: 500,
    timed: false,
  },
  h: {
    name: "bundled shape, large",
    rows: 10_000_000,
    generate: bundled,
    study: BUNDLED_STUDY,
    dataset: "questionnaire",
    r: BUNDLED_R,
    bare: {},
    expect: "report",
    maxRssMib: mb(1000),
    timed: false,
  },
};

/** Writes shape `letter`'s data file: the same rows, the same bytes, every time. */
async function generateShape(letter, rows, file) {
  await SHAPES[letter].generate(file, rows, SEED);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [letter, rows, file] = process.argv.slice(2);
  if (!SHAPES[letter] || !Number.isInteger(Number(rows)) || Number(rows) < 28 || !file) {
    process.stderr.write(`usage: node scripts/bench-shapes.js ${Object.keys(SHAPES).join("|")} ROWS FILE (ROWS at least 28)\n`);
    process.exit(2);
  }
  await generateShape(letter, Number(rows), file);
}

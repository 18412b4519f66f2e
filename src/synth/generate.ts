// Seeded synthetic data in the shape of the bundled 2014 study: pure, same seed → same bytes.
import { interviewFiles } from "./interviews.js";
import { generateQuestionnaire } from "./questionnaire.js";
import { questionnaireLines } from "./questionnaire-csv.js";
import { checkSeed, stream } from "./rng.js";
import { youthCsv } from "./youth.js";
import { DEFAULT_WAVE, waveSpec } from "./waves.js";

export { WAVES } from "./waves.js";

const DEFAULT_ROWS = 1862;
export { MIN_ROWS } from "./design.js";
export { MAX_SEED } from "./rng.js";

export interface GenerateOptions {
  /** Integer from 0 to 2^32 - 1. */
  seed: number;
  /** Questionnaire rows (default 1,862); at least MIN_ROWS. Other files keep the study's sizes. */
  rows?: number;
  /** Yearly wave (default 2014, the published study); see waves.ts for what 2015 changes. */
  wave?: number;
}

export interface StudyFile {
  name: string;
  content: string;
}

/** Streams after those of the questionnaire (0–5, see questionnaire.ts). */
const STREAM_YOUTH = 10;
const STREAM_INTERVIEWS = 11;

/**
 * questionnaire.csv line by line (header first, each line ending in LF), for writing large files
 * without one giant string. The rows are calibrated as a whole first, in typed arrays.
 */
export function questionnaireCsvLines(options: GenerateOptions): Generator<string> {
  checkSeed(options.seed);
  const wave = waveSpec(options.wave ?? DEFAULT_WAVE);
  return questionnaireLines(generateQuestionnaire(options.seed, options.rows ?? DEFAULT_ROWS, wave), wave.exportNames);
}

/** The same text in chunks of `linesPerChunk` lines: far fewer writes for a 1,000,000-row file. */
export function* questionnaireCsvChunks(options: GenerateOptions, linesPerChunk = 4096): Generator<string> {
  let chunk = "";
  let count = 0;
  for (const line of questionnaireCsvLines(options)) {
    chunk += line;
    if (++count === linesPerChunk) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk !== "") yield chunk;
}

export function generateStudy(options: GenerateOptions): { files: StudyFile[] } {
  let questionnaire = "";
  for (const line of questionnaireCsvLines(options)) questionnaire += line;
  const { interviews, codings } = interviewFiles(stream(options.seed, STREAM_INTERVIEWS));
  return {
    files: [
      { name: "questionnaire.csv", content: questionnaire },
      {
        name: "youth.csv",
        content: youthCsv(stream(options.seed, STREAM_YOUTH), waveSpec(options.wave ?? DEFAULT_WAVE).targets.youth_no_email),
      },
      { name: "interviews.csv", content: interviews },
      { name: "codings.csv", content: codings },
    ],
  };
}

// Writes a generated study to a directory (the only file-system code of the generator).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateStudy, type GenerateOptions } from "./generate.js";

/** Creates `dir` if needed and writes the four CSV files; returns the paths written. */
export async function writeStudy(dir: string, options: GenerateOptions): Promise<string[]> {
  const { files } = generateStudy(options);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeFile(path, file.content, "utf8");
    paths.push(path);
  }
  return paths;
}

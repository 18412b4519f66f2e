/** Where a command writes: injected so whole commands run in-process in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour and progress only on a terminal, and never with NO_COLOR. */
  color: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  const env = process.env;
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    color: Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== "dumb",
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env,
    cwd: process.cwd(),
  };
}

/** Where a command writes; tests pass collectors, the entry point passes the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** the directory relative paths are resolved against */
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An Io that keeps what was written, for tests and for callers that want the text. */
export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), cwd, env };
}

import * as readline from 'readline';
import { Writable } from 'stream';

/** Where a command writes; tests pass collectors, the entry point passes the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** the directory relative paths are resolved against */
  cwd: string;
  env: Record<string, string | undefined>;
  /** asks on the terminal without echoing what is typed; absent when there is no terminal (scripts, CI) */
  askSecret?(question: string): Promise<string>;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    env: process.env,
    askSecret: process.stdin.isTTY ? askSecret : undefined,
  };
}

/** readline with its output muted after the question, so the typed password never appears on the screen */
function askSecret(question: string): Promise<string> {
  return new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write(chunk, _enc, done) {
        if (!muted) process.stdout.write(chunk);
        done();
      },
    });
    const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** An Io that keeps what was written, for tests and for callers that want the text. */
export function memoryIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
  answers?: string[],
): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const askSecret = answers ? async (q: string) => (stdout.push(q), answers.shift() ?? '') : undefined;
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), cwd, env, askSecret };
}

/**
 * A failure the user can act on: the CLI prints its message (Chinese, then English) and exits with `exitCode`
 * — no stack trace. Anything else that escapes a command is a bug and is printed with its stack.
 */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(en);
    this.name = 'CliError';
  }
}

/** Exit codes: 0 ok, 1 the checked things have problems (validate, deploy refused), 2 usage or environment. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

import type { Io } from './io';

export interface Command {
  name: string;
  /** one line for the command list */
  summary: { zh: string; en: string };
  /** `npm run tools -- <usage>` */
  usage: string;
  /** the full help, Chinese first */
  help: { zh: string; en: string };
  run(argv: string[], io: Io): Promise<number>;
}

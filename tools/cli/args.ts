import { CliError } from './errors';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

/**
 * `--name value`, `--name=value` and bare `--flag`. A flag is only bare when the command declares it so;
 * otherwise the next word is its value (so `--url http://x` works without an equals sign).
 */
export function parseArgs(argv: string[], spec: { flags?: string[]; options?: string[] }): ParsedArgs {
  const flags = new Set(spec.flags ?? []);
  const options = new Set(spec.options ?? []);
  const out: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--') || word === '--') {
      if (word !== '--') out.positionals.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2);
    if (flags.has(name)) {
      out.options[name] = true;
    } else if (options.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`选项 --${name} 需要一个值`, `option --${name} needs a value`);
      out.options[name] = value;
    } else {
      throw new CliError(`未知选项 --${name}（用 --help 查看用法）`, `unknown option --${name} (see --help)`);
    }
  }
  return out;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

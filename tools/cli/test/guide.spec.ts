import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../main';

const docsDir = path.join(__dirname, '..', '..', '..', 'docs');
const languages = ['zh-CN.md', 'en.md'];
/** Policy staff's guide and IT's deployment guide: between them, every command the CLI has is shown. */
const guides = ['guide', 'deploy'];

const read = (guide: string, name: string) => fs.readFileSync(path.join(docsDir, guide, name), 'utf8');
const commandsIn = (text: string) => new Set([...text.matchAll(/npm run (?:-s )?tools -- ([a-z][a-z-]*)/g)].map((m) => m[1]));
const cliCommands = new Set(COMMANDS.map((c) => c.name));

/** The guides stay true: their screenshots exist and every CLI command they show is one the CLI has. */
describe.each(guides.flatMap((guide) => languages.map((name) => [guide, name] as const)))('docs/%s/%s', (guide, name) => {
  const text = read(guide, name);

  it('shows only screenshots that exist', () => {
    const images = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    if (guide === 'guide') expect(images.length).toBeGreaterThan(5);
    expect(images.filter((src) => !fs.existsSync(path.join(docsDir, guide, src)))).toEqual([]);
  });

  it('shows only commands the CLI has', () => {
    expect([...commandsIn(text)].filter((c) => !cliCommands.has(c))).toEqual([]);
  });

  it('links to the other language', () => {
    expect(text).toContain(`](${name === 'en.md' ? 'zh-CN.md' : 'en.md'})`);
  });
});

describe.each(languages)('the guides in %s', (name) => {
  it('show every command the CLI has', () => {
    const shown = new Set(guides.flatMap((guide) => [...commandsIn(read(guide, name))]));
    expect([...cliCommands].filter((c) => !shown.has(c))).toEqual([]);
  });
});

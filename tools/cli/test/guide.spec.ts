import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../main';

const guideDir = path.join(__dirname, '..', '..', '..', 'docs', 'guide');
const guides = ['zh-CN.md', 'en.md'];

/** The policy-staff guide stays true: its screenshots exist and every CLI command it shows is one the CLI has. */
describe.each(guides)('docs/guide/%s', (name) => {
  const text = fs.readFileSync(path.join(guideDir, name), 'utf8');

  it('shows only screenshots that exist', () => {
    const images = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(5);
    expect(images.filter((src) => !fs.existsSync(path.join(guideDir, src)))).toEqual([]);
  });

  it('shows only commands the CLI has', () => {
    const used = [...text.matchAll(/npm run (?:-s )?tools -- ([a-z][a-z-]*)/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(COMMANDS.map((c) => c.name)));
  });

  it('links to the other language', () => {
    expect(text).toContain(`](${name === 'en.md' ? 'zh-CN.md' : 'en.md'})`);
  });
});

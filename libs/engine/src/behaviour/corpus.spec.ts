import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DeploymentError } from '../errors';
import { Engine } from '../engine';
import { parseBpmn } from '../model/moddle';
import { checkXmlIntake } from '../model/xml-intake';
import { MemoryStore } from '../storage';

/** the repository root is the nearest ancestor holding nx.json; the shared corpus sits beside it */
function corpusDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('repository root (nx.json) not found');
    dir = parent;
  }
  // CI lays shared/ beside the checkout; a clone elsewhere finds it through KCBX_SHARED_DIR or /work/shared.
  const candidates = [process.env.KCBX_SHARED_DIR, resolve(dir, '../shared'), '/work/shared'].filter((d): d is string => !!d);
  const shared = candidates.find((d) => existsSync(join(d, 'corpus/bpmn-miwg'))) ?? resolve(dir, '../shared');
  return join(shared, 'corpus/bpmn-miwg');
}

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bpmnFiles(path);
    return name.endsWith('.bpmn') ? [path] : [];
  });
}

const dir = corpusDir();
const files = bpmnFiles(dir);

describe('BPMN MIWG corpus', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(dir, f), f]))('%s parses, and deploys or lists why not', async (name, path) => {
    const content = readFileSync(path, 'utf8');
    await expect(parseBpmn(checkXmlIntake(content))).resolves.toBeDefined();
    const engine = new Engine({ store: new MemoryStore() });
    try {
      const deployed = await engine.deploy({ tenantId: 't', resources: [{ name, content }] });
      expect(deployed.length).toBeGreaterThan(0);
    } catch (error) {
      expect(error).toBeInstanceOf(DeploymentError);
      for (const problem of (error as DeploymentError).problems) {
        expect(problem).toMatchObject({
          resource: name,
          code: expect.any(String),
          message: expect.any(String),
          messageZh: expect.any(String),
        });
      }
    }
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeWithCorpus } from '@kcbx/test-corpora';
import { DeploymentError } from '../errors';
import { Engine } from '../engine';
import { parseBpmn } from '../model/moddle';
import { checkXmlIntake } from '../model/xml-intake';
import { MemoryStore } from '../storage';

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bpmnFiles(path);
    return name.endsWith('.bpmn') ? [path] : [];
  });
}

describeWithCorpus('bpmn-miwg', 'BPMN MIWG corpus', (dir) => {
  const files = bpmnFiles(dir);

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

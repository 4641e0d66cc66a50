import { DeploymentError } from '../errors';
import { Engine } from '../engine';
import { MemoryStore } from '../storage';
import { TENANT, fixture } from './harness';

async function refusedCode(content: string): Promise<string> {
  const engine = new Engine({ store: new MemoryStore() });
  const error = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'evil.bpmn', content }] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeploymentError);
  const [problem] = (error as DeploymentError).problems;
  expect(problem.messageZh).toBeTruthy();
  return problem.code;
}

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&lol3;" /></bpmn:definitions>`;

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&xxe;" /></bpmn:definitions>`;

describe('hardened XML intake', () => {
  it('given a billion-laughs file, when deploying, then it is refused before parsing', async () => {
    expect(await refusedCode(laughs)).toBe('XML_DOCTYPE_REFUSED');
  });

  it('given an external entity, when deploying, then it is refused', async () => {
    expect(await refusedCode(externalEntity)).toBe('XML_DOCTYPE_REFUSED');
  });

  it('given a 10 MB file, when deploying, then it is refused for its size', async () => {
    const padding = `<!-- ${'x'.repeat(10 * 1024 * 1024)} -->`;
    expect(await refusedCode(fixture('approval.bpmn').replace('</bpmn:definitions>', `${padding}</bpmn:definitions>`))).toBe(
      'XML_TOO_LARGE',
    );
  });

  it('given a non-XML file or broken XML, when deploying, then it is refused with a clear code', async () => {
    expect(await refusedCode('{"process": "json"}')).toBe('XML_NOT_XML');
    expect(await refusedCode('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">')).toBe(
      'XML_MALFORMED',
    );
    expect(await refusedCode('<html><body>not bpmn</body></html>')).toBe('XML_MALFORMED');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusDir, corpusSearch } from './corpora';

describe('finding an external corpus', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-corpus-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('given KCBX_CORPUS_DIR, searches it first and then shared/ beside the checkout, nothing else', () => {
    const places = corpusSearch({ KCBX_CORPUS_DIR: tmp });
    expect(places).toHaveLength(2);
    expect(places[0]).toBe(tmp);
    expect(places[1]).toMatch(/[\\/]shared[\\/]corpus$/);
    expect(path.dirname(path.dirname(places[1]))).toBe(path.resolve(__dirname, '../../../..'));
  });

  it('given a folder holding the corpus, finds it there', () => {
    fs.mkdirSync(path.join(tmp, 'forms', 'jsonforms'), { recursive: true });
    expect(corpusDir('forms/jsonforms', { KCBX_CORPUS_DIR: tmp })).toBe(path.join(tmp, 'forms', 'jsonforms'));
  });

  it('given a folder without it, and no shared/ holding it, answers undefined', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    const found = corpusDir('bpmn-miwg', { KCBX_CORPUS_DIR: empty });
    const besideCheckout = path.join(corpusSearch({})[0], 'bpmn-miwg');
    expect(found).toBe(fs.existsSync(besideCheckout) ? besideCheckout : undefined);
  });
});

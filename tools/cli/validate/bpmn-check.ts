import { DeploymentError, Engine, EngineError, MemoryStore } from '@kcbx/engine';
import { errorText, isErrorKey } from '@kcbx/api-contract';
import type { SourceFile } from './package-files';
import type { Problem } from './problem';
import { lineAt, offsetOfId } from './xml-lines';

export type ProcessModel = Awaited<ReturnType<Engine['model']>>;

export interface CheckedProcess {
  file: SourceFile;
  model: ProcessModel;
}

const TENANT = 'validate';

/**
 * Every procedure through the engine's own deploy path (hardened XML intake, parse, "is every element
 * supported" validation, start timers) on a throw-away in-memory store, one file at a time so one broken
 * file does not hide the others. What deploys gives its compiled model for the package-level checks.
 */
export async function checkProcedures(files: SourceFile[]): Promise<{ processes: CheckedProcess[]; problems: Problem[] }> {
  const store = new MemoryStore();
  const engine = new Engine({ store });
  const processes: CheckedProcess[] = [];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const file of files) {
    try {
      const deployed = await engine.deploy({ tenantId: TENANT, resources: [{ name: file.file, content: file.text }] });
      for (const d of deployed) {
        const first = owner.get(d.key);
        if (first && first !== file.file) {
          const at = offsetOfId(file.text, d.key);
          problems.push({
            file: file.file,
            line: at >= 0 ? lineAt(file.text, at) : undefined,
            code: 'PROCESS_KEY_DUPLICATE',
            elementId: d.key,
            zh: `流程键“${d.key}”已在 ${first} 中定义`,
            en: `process id "${d.key}" is already defined in ${first}`,
          });
          continue;
        }
        owner.set(d.key, file.file);
        const record = await store.transaction((tx) => tx.get('definition', d.id));
        if (record) processes.push({ file, model: await engine.model(record) });
      }
    } catch (error) {
      if (error instanceof DeploymentError) {
        for (const p of error.problems) {
          problems.push({
            file: file.file,
            line: p.line,
            elementId: p.elementId,
            code: p.code,
            zh: p.elementType ? `${p.elementType}：${p.messageZh}` : p.messageZh,
            en: p.elementType ? `${p.elementType}: ${p.message}` : p.message,
          });
        }
      } else if (error instanceof EngineError) {
        const zh = isErrorKey(error.key) ? errorText(error.key, 'zh', error.params) : error.message;
        problems.push({ file: file.file, code: error.code, zh, en: error.message });
      } else {
        throw error;
      }
    }
  }
  return { processes, problems };
}

import { DmnError, parseDmn } from '@kcbx/dmn';
import type { CheckedProcess } from './bpmn-check';
import type { SourceFile } from './package-files';
import type { Problem } from './problem';

/** The package's decision tables (.dmn): each must read as DMN 1.3 within the bounds; their decision ids, for the procedures. */
export async function checkDecisions(files: SourceFile[]): Promise<{ ids: Set<string>; problems: Problem[] }> {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      for (const id of (await parseDmn(file.text)).decisions.keys()) ids.add(id);
    } catch (e) {
      if (!(e instanceof DmnError)) throw e;
      problems.push({
        file: file.file,
        code: e.code,
        zh: `决策表无法读取：${e.message}`,
        en: `the decision table cannot be read: ${e.message}`,
      });
    }
  }
  return { ids, problems };
}

/** A business rule task that calls a decision neither the package nor (named by the caller) the server holds. */
export function checkDecisionReferences(p: CheckedProcess, decisionIds: ReadonlySet<string>): Problem[] {
  return [...p.model.elements.values()]
    .filter((el) => el.decision && !decisionIds.has(el.decision.decisionId))
    .map((el) => ({
      file: p.file.file,
      elementId: el.id,
      code: 'DECISION_NOT_IN_PACKAGE',
      zh: `业务规则任务调用的决策“${el.decision!.decisionId}”不在本包的 .dmn 文件中`,
      en: `the business rule task calls decision "${el.decision!.decisionId}", which no .dmn file of the package holds`,
    }));
}

import type { CheckedProcess } from './bpmn-check';
import { feelSyntaxError } from './feel-syntax';
import type { Problem } from './problem';
import { lineOfSnippet } from './xml-lines';

interface Expression {
  /** element or sequence flow id */
  id: string;
  what: { zh: string; en: string };
  source: string;
}

const isFeel = (s: string | null | undefined): boolean => typeof s === 'string' && s.trimStart().startsWith('=');

/** Every FEEL expression a procedure holds, with the element it sits on. Conditions are FEEL with or without "=". */
export function expressionsOf(model: CheckedProcess['model']): Expression[] {
  const out: Expression[] = [];
  const add = (id: string, zh: string, en: string, source: string | null | undefined, alwaysFeel = false) => {
    if (source && (alwaysFeel || isFeel(source))) out.push({ id, what: { zh, en }, source });
  };
  for (const flow of model.flows.values()) add(flow.id, '条件', 'condition', flow.condition, true);
  for (const el of model.elements.values()) {
    add(el.id, '定时器', 'timer', el.timer?.expression);
    add(el.id, '消息关联键', 'correlation key', el.correlationKey);
    add(el.id, '被调用流程', 'called process', el.calledElement);
    if (el.script) add(el.id, '脚本', 'script', el.script.expression, true);
    const task = el.userTask;
    if (task) {
      add(el.id, '办理人', 'assignee', task.assignee);
      add(el.id, '候选角色', 'candidate groups', task.candidateGroups);
      add(el.id, '候选用户', 'candidate users', task.candidateUsers);
      add(el.id, '期限', 'due date', task.dueDate);
      add(el.id, '表单', 'form', task.formKey);
    }
    for (const m of el.inputs) add(el.id, `输入映射 ${m.target}`, `input mapping ${m.target}`, m.source);
    for (const m of el.outputs) add(el.id, `输出映射 ${m.target}`, `output mapping ${m.target}`, m.source);
    const mi = el.multiInstance;
    if (mi) {
      add(el.id, '多实例集合', 'multi-instance collection', mi.inputCollection);
      add(el.id, '多实例数量', 'multi-instance cardinality', mi.cardinality);
      add(el.id, '多实例完成条件', 'multi-instance completion condition', mi.completionCondition, true);
    }
  }
  return out;
}

/** FEEL that does not parse would only fail when a clerk reaches that step; here it fails at the desk. */
export function checkFeel(p: CheckedProcess): Problem[] {
  const problems: Problem[] = [];
  for (const e of expressionsOf(p.model)) {
    const error = feelSyntaxError(e.source);
    if (!error) continue;
    const body = e.source.trim();
    problems.push({
      file: p.file.file,
      line: lineOfSnippet(p.file.text, e.id, body),
      elementId: e.id,
      code: 'FEEL_SYNTAX',
      zh: `${e.what.zh}的 FEEL 表达式无法解析（第 ${error.offset + 1} 个字符附近）：${body}`,
      en: `the ${e.what.en} FEEL expression does not parse (near character ${error.offset + 1}): ${body}`,
    });
  }
  return problems;
}

const stripFormPrefix = (key: string) => key.replace(/^camunda-forms:bpmn:/, '');

/** Every form a user task names must be one of the package's forms (or one the server already has). */
export function checkFormReferences(p: CheckedProcess, formKeys: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const el of p.model.elements.values()) {
    const ref = el.userTask?.formKey ?? el.start?.formKey;
    if (!ref || isFeel(ref)) continue;
    const key = stripFormPrefix(ref);
    if (formKeys.has(key)) continue;
    problems.push({
      file: p.file.file,
      line: lineOfSnippet(p.file.text, el.id, ref),
      elementId: el.id,
      code: 'FORM_NOT_FOUND',
      zh: `${el.userTask ? '用户任务' : '开始事件'}引用的表单“${key}”不存在（没有 ${key}.form.json）`,
      en: `the ${el.userTask ? 'user task' : 'start event'} names form "${key}", which is not in the package (no ${key}.form.json)`,
    });
  }
  return problems;
}

/**
 * candidateGroups and a start event's starterGroups name role keys; a key the county does not have makes a
 * task nobody can ever see, or a procedure nobody may start.
 */
export function checkRoles(p: CheckedProcess, roles: Set<string>, rolesSource: string): Problem[] {
  const problems: Problem[] = [];
  for (const el of p.model.elements.values()) {
    const groups = el.userTask?.candidateGroups ?? el.start?.starterGroups.join(',');
    if (!groups || isFeel(groups)) continue;
    for (const role of groups
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean)) {
      if (roles.has(role)) continue;
      problems.push({
        file: p.file.file,
        line: lineOfSnippet(p.file.text, el.id, role),
        elementId: el.id,
        code: 'ROLE_NOT_FOUND',
        zh: `候选角色“${role}”不是本县的角色（角色来自 ${rolesSource}）`,
        en: `candidate role "${role}" is not one of the county's roles (roles from ${rolesSource})`,
      });
    }
  }
  return problems;
}

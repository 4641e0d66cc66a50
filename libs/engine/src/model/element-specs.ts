import { camundaAttr, ioMappings, isJuel, zeebeExtension, zeebeProperties } from './extensions';
import type { ModdleElement } from './moddle';
import { addDuration, parseCycle, parseDate } from '../runtime/timers';
import type { EventKind, MultiInstanceSpec, StartSpec, TimerSpec, UserTaskSpec } from './model';

/** A problem found while reading one element; the compiler adds resource, id, type and line. */
export interface ElementProblem {
  code: string;
  message: string;
  messageZh: string;
}

const EVENT_KINDS: Record<string, EventKind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:CompensateEventDefinition': 'compensate',
};

const UNSUPPORTED_DEFINITION_HINTS: Record<string, { en: string; zh: string }> = {
  'bpmn:LinkEventDefinition': { en: 'draw the sequence flow directly instead of a link', zh: '请直接画顺序流，不用链接事件' },
  'bpmn:CancelEventDefinition': {
    en: 'transactions are not run; use an error end event and an error boundary or event sub-process',
    zh: '不运行事务子流程；请用错误结束事件配合错误边界事件或事件子流程',
  },
};

export function eventKind(element: ModdleElement, problems: ElementProblem[]): EventKind {
  const defs = element.eventDefinitions ?? [];
  if (defs.length === 0) return 'none';
  const kind = defs.length === 1 ? EVENT_KINDS[defs[0].$type] : undefined;
  if (!kind) {
    const types = defs.map((d) => d.$type).join(', ');
    const hint =
      defs.length > 1
        ? { en: 'an event with several triggers is not run; use an event-based gateway', zh: '不运行多触发事件，请改用事件网关' }
        : UNSUPPORTED_DEFINITION_HINTS[defs[0].$type];
    problems.push({
      code: 'UNSUPPORTED_EVENT',
      message: `event definition ${types} is not supported${hint ? `: ${hint.en}` : ''}`,
      messageZh: `不支持的事件定义 ${types}${hint ? `：${hint.zh}` : ''}`,
    });
    return 'none';
  }
  return kind;
}

export function timerSpec(element: ModdleElement, problems: ElementProblem[]): TimerSpec | null {
  const def = element.eventDefinitions?.[0];
  for (const type of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
    const body = def?.[type]?.body?.trim();
    if (body) {
      if (isJuel(body)) problems.push(juelProblem(type, body));
      else if (!body.startsWith('=')) checkTimerText(type, body, problems);
      return {
        type: type === 'timeDate' ? 'date' : type === 'timeDuration' ? 'duration' : 'cycle',
        expression: body,
        dayCount: dayCountOf(element, problems),
      };
    }
  }
  problems.push({ code: 'TIMER_MISSING', message: 'timer has no date, duration or cycle', messageZh: '定时器缺少日期、时长或周期' });
  return null;
}

/**
 * zeebe:property "dayCount": whether the days of a duration (due date or timer) are working days (工作日, by the
 * county's calendar) or calendar days (自然日). A FEEL value lets a county parameter decide for every step.
 */
function dayCountOf(element: ModdleElement, problems: ElementProblem[]): string | null {
  const value = zeebeProperties(element)['dayCount']?.trim();
  if (!value) return null;
  if (value === 'working' || value === 'calendar' || value.startsWith('=')) return value;
  problems.push({
    code: 'DAY_COUNT_INVALID',
    message: `property "dayCount" must be working, calendar or a FEEL expression, not "${value}"`,
    messageZh: `属性"dayCount"应为 working（工作日）、calendar（自然日）或 FEEL 表达式，而不是"${value}"`,
  });
  return null;
}

/** literal ISO 8601 timers are checked at deploy time; FEEL ones can only fail at run time (incident) */
function checkTimerText(type: string, text: string, problems: ElementProblem[]): void {
  try {
    if (type === 'timeDate') parseDate(text);
    else if (type === 'timeDuration') addDuration(0, text);
    else parseCycle(text, 0);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'TIMER_INVALID',
      message: `${type}: ${reason}`,
      messageZh: `${type}：不是有效的 ISO 8601 时间表达式（${text}）`,
    });
  }
}

export function messageOf(element: ModdleElement, problems: ElementProblem[], needsKey: boolean) {
  const message = element.messageRef ?? element.eventDefinitions?.[0]?.messageRef;
  const name: string | null = message?.name ?? null;
  const correlationKey: string | null = message ? (zeebeExtension(message, 'Subscription')?.correlationKey ?? null) : null;
  if (!name)
    problems.push({ code: 'MESSAGE_MISSING', message: 'message reference with a name is required', messageZh: '必须引用一个有名称的消息' });
  else if (needsKey && !correlationKey) {
    problems.push({
      code: 'CORRELATION_KEY_MISSING',
      message: `message "${name}" needs a zeebe:subscription correlationKey`,
      messageZh: `消息"${name}"需要 zeebe:subscription 的 correlationKey（关联键）`,
    });
  }
  return { messageName: name, correlationKey };
}

export function errorCodeOf(element: ModdleElement): string | null {
  return element.eventDefinitions?.[0]?.errorRef?.errorCode ?? null;
}

/** a signal event needs a signal with a name: the name is what a broadcast matches */
export function signalNameOf(element: ModdleElement, problems: ElementProblem[]): string | null {
  const name: string | null = element.eventDefinitions?.[0]?.signalRef?.name?.trim() || null;
  if (!name)
    problems.push({ code: 'SIGNAL_MISSING', message: 'signal reference with a name is required', messageZh: '必须引用一个有名称的信号' });
  return name;
}

/** the escalation code: required to throw; on a catcher, none means "any escalation" */
export function escalationCodeOf(element: ModdleElement, throwing: boolean, problems: ElementProblem[]): string | null {
  const code: string | null = element.eventDefinitions?.[0]?.escalationRef?.escalationCode?.trim() || null;
  if (throwing && !code)
    problems.push({
      code: 'ESCALATION_CODE_MISSING',
      message: 'an escalation throw event needs an escalation with an escalationCode',
      messageZh: '升级抛出事件需要引用一个带 escalationCode 的升级定义',
    });
  return code;
}

/** the condition of a conditional event (FEEL; a leading "=" is optional, as on sequence flows) */
export function conditionOf(element: ModdleElement, problems: ElementProblem[]): string | null {
  const body: string | null = element.eventDefinitions?.[0]?.condition?.body?.trim() || null;
  if (!body) {
    problems.push({
      code: 'CONDITION_MISSING',
      message: 'a conditional event needs a condition (FEEL, e.g. "=days > 20")',
      messageZh: '条件事件需要一个条件（FEEL，例如"=days > 20"）',
    });
    return null;
  }
  if (isJuel(body)) problems.push(juelProblem('condition', body));
  return body;
}

/** zeebe:conditionalFilter variableNames="a, b" on the conditional event definition; null = any variable */
export function conditionVariablesOf(element: ModdleElement): string[] | null {
  const filter = zeebeExtension(element.eventDefinitions?.[0] ?? element, 'ConditionalFilter');
  const names = String(filter?.variableNames ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 ? names : null;
}

export function juelProblem(what: string, value: string): ElementProblem {
  return {
    code: 'JUEL_REFUSED',
    message: `${what} "${value}" is a JUEL expression; write it in FEEL (e.g. "=amount > 1000")`,
    messageZh: `${what}"${value}"是 JUEL 表达式，请改用 FEEL（例如"=amount > 1000"）`,
  };
}

export function userTaskSpec(element: ModdleElement, camunda: string | null, problems: ElementProblem[]): UserTaskSpec {
  const assignment = zeebeExtension(element, 'AssignmentDefinition');
  const schedule = zeebeExtension(element, 'TaskSchedule');
  const form = zeebeExtension(element, 'FormDefinition');
  const spec: UserTaskSpec = {
    assignee: assignment?.assignee ?? camundaAttr(element, camunda, 'assignee'),
    candidateGroups: assignment?.candidateGroups ?? camundaAttr(element, camunda, 'candidateGroups'),
    candidateUsers: assignment?.candidateUsers ?? camundaAttr(element, camunda, 'candidateUsers'),
    dueDate: schedule?.dueDate ?? camundaAttr(element, camunda, 'dueDate'),
    dayCount: dayCountOf(element, problems),
    formKey: form?.formId ?? form?.formKey ?? camundaAttr(element, camunda, 'formKey'),
    fieldPermissions: {},
    properties: {},
  };
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === 'string' && isJuel(value)) problems.push(juelProblem(key, value));
  }
  spec.fieldPermissions = fieldPermissionsOf(element, problems);
  spec.properties = zeebeProperties(element);
  return spec;
}

function fieldPermissionsOf(element: ModdleElement, problems: ElementProblem[]): Record<string, string> {
  const permissions = zeebeProperties(element)['fieldPermissions'];
  if (permissions === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(permissions);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, string>;
  } catch {
    problems.push({
      code: 'FIELD_PERMISSIONS_INVALID',
      message: 'property "fieldPermissions" must be a JSON object such as {"a":"readonly"}',
      messageZh: '属性"fieldPermissions"必须是 JSON 对象，例如 {"a":"readonly"}',
    });
    return {};
  }
}

/** the start form and starter roles of a process-level start event (Camunda 7: camunda:formKey) */
export function startSpec(element: ModdleElement, camunda: string | null, problems: ElementProblem[]): StartSpec {
  const form = zeebeExtension(element, 'FormDefinition');
  const formKey: string | null = form?.formId ?? form?.formKey ?? camundaAttr(element, camunda, 'formKey');
  if (isJuel(formKey)) problems.push(juelProblem('formKey', formKey!));
  const starters = zeebeProperties(element)['starterGroups'] ?? '';
  return {
    formKey: formKey ? formKey.replace(/^camunda-forms:bpmn:/, '') : null,
    fieldPermissions: fieldPermissionsOf(element, problems),
    starterGroups: starters
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function multiInstanceSpec(element: ModdleElement, problems: ElementProblem[]): MultiInstanceSpec | null {
  const loop = element.loopCharacteristics;
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.push({
      code: 'UNSUPPORTED_LOOP',
      message: `${loop.$type} is not supported (use multi-instance)`,
      messageZh: `不支持 ${loop.$type}（请使用多实例）`,
    });
    return null;
  }
  const zeebe = zeebeExtension(loop, 'LoopCharacteristics');
  const spec: MultiInstanceSpec = {
    sequential: loop.isSequential === true,
    inputCollection: zeebe?.inputCollection ?? null,
    inputElement: zeebe?.inputElement ?? null,
    outputCollection: zeebe?.outputCollection ?? null,
    outputElement: zeebe?.outputElement ?? null,
    cardinality: loop.loopCardinality?.body ?? null,
    completionCondition: loop.completionCondition?.body ?? null,
  };
  if (!spec.inputCollection && !spec.cardinality) {
    problems.push({
      code: 'MI_COLLECTION_MISSING',
      message: 'multi-instance needs zeebe:loopCharacteristics inputCollection or a loopCardinality',
      messageZh: '多实例需要 zeebe:loopCharacteristics 的 inputCollection 或 loopCardinality',
    });
  }
  if (isJuel(spec.completionCondition)) problems.push(juelProblem('completionCondition', spec.completionCondition!));
  return spec;
}

export function handlerOf(element: ModdleElement, problems: ElementProblem[]): { handler: string | null; retries: number } {
  const def = zeebeExtension(element, 'TaskDefinition');
  const handler: string | null = def?.type ?? null;
  if (!handler) {
    problems.push({
      code: 'HANDLER_MISSING',
      message: 'needs zeebe:taskDefinition type naming a registered handler',
      messageZh: '需要 zeebe:taskDefinition 的 type 指定已注册的处理器',
    });
  }
  const retries = Number(def?.retries ?? 3);
  return { handler, retries: Number.isFinite(retries) && retries > 0 ? retries : 3 };
}

export function scriptOf(element: ModdleElement, problems: ElementProblem[]) {
  const script = zeebeExtension(element, 'Script');
  if (!script?.expression || !script?.resultVariable) {
    problems.push({
      code: 'SCRIPT_MISSING',
      message: 'script task needs zeebe:script expression and resultVariable (FEEL); other script languages are not run',
      messageZh: '脚本任务需要 zeebe:script 的 expression 与 resultVariable（FEEL），不执行其他脚本语言',
    });
    return null;
  }
  return { expression: String(script.expression), resultVariable: String(script.resultVariable) };
}

/** zeebe:calledDecision decisionId + resultVariable, or Camunda 7's camunda:decisionRef + camunda:resultVariable */
export function decisionOf(element: ModdleElement, camunda: string | null, problems: ElementProblem[]) {
  const called = zeebeExtension(element, 'CalledDecision');
  const decisionId = called?.decisionId ?? camundaAttr(element, camunda, 'decisionRef');
  const resultVariable = called?.resultVariable ?? camundaAttr(element, camunda, 'resultVariable');
  if (!decisionId || !resultVariable) {
    problems.push({
      code: 'DECISION_MISSING',
      message: 'business rule task needs zeebe:calledDecision decisionId and resultVariable (or zeebe:taskDefinition for a job)',
      messageZh: '业务规则任务需要 zeebe:calledDecision 的 decisionId 与 resultVariable（或用 zeebe:taskDefinition 交给作业处理）',
    });
    return null;
  }
  return { decisionId: String(decisionId), resultVariable: String(resultVariable) };
}

export function calledElementOf(element: ModdleElement, problems: ElementProblem[]): string | null {
  const called = zeebeExtension(element, 'CalledElement')?.processId ?? element.calledElement ?? null;
  if (!called)
    problems.push({
      code: 'CALLED_ELEMENT_MISSING',
      message: 'call activity needs zeebe:calledElement processId',
      messageZh: '调用活动需要 zeebe:calledElement 的 processId',
    });
  return called;
}

/** zeebe:calledElement's propagateAll… attributes; absent means true (Zeebe's default) */
export function propagationOf(element: ModdleElement): { allParentVariables: boolean; allChildVariables: boolean } {
  const called = zeebeExtension(element, 'CalledElement');
  const flag = (value: unknown) => value !== false && value !== 'false';
  return { allParentVariables: flag(called?.propagateAllParentVariables), allChildVariables: flag(called?.propagateAllChildVariables) };
}

export { ioMappings };

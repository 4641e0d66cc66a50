import type { DeploymentProblem } from '../errors';
import { camunda7Mappings } from './camunda7-io';
import { camundaAttr, camundaNames, camundaPrefix, isJuel, zeebeExtension } from './extensions';
import {
  calledElementOf,
  propagationOf,
  conditionOf,
  conditionVariablesOf,
  decisionOf,
  type ElementProblem,
  escalationCodeOf,
  errorCodeOf,
  eventKind,
  handlerOf,
  ioMappings,
  juelProblem,
  messageOf,
  multiInstanceSpec,
  scriptOf,
  signalNameOf,
  startSpec,
  timerSpec,
  userTaskSpec,
} from './element-specs';
import type { ModdleElement } from './moddle';
import type { ElementDef, ElementType, FlowDef, ProcessModel } from './model';
import { lineOfId } from './xml-intake';

const FLOW_NODES: Record<string, ElementType> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
};
/** artifacts and data elements carry no behaviour; they are allowed and ignored */
const IGNORED = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
]);
/** which event definitions each event type may carry */
const ALLOWED_EVENTS: Partial<Record<ElementType, string[]>> = {
  startEvent: ['none', 'message', 'timer', 'signal', 'error', 'escalation', 'conditional'],
  endEvent: ['none', 'terminate', 'error', 'signal', 'escalation', 'compensate'],
  intermediateCatchEvent: ['message', 'timer', 'signal', 'conditional'],
  boundaryEvent: ['timer', 'message', 'error', 'signal', 'escalation', 'conditional', 'compensate'],
  intermediateThrowEvent: ['none', 'signal', 'escalation', 'compensate'],
};
/** what to do instead, for the refusals modelers' files meet most */
const EVENT_HINTS: Record<string, { en: string; zh: string }> = {
  'none boundaryEvent': {
    en: 'a boundary event needs a trigger (timer, message, signal, error, escalation, conditional or compensation)',
    zh: '边界事件需要触发条件（定时、消息、信号、错误、升级、条件或补偿）',
  },
  'none intermediateCatchEvent': {
    en: 'a catch event needs a trigger (timer, message, signal or conditional)',
    zh: '中间捕获事件需要触发条件（定时、消息、信号或条件）',
  },
  'message endEvent': {
    en: 'sending a message is a send or service task here; a signal reaches every waiting case of the county',
    zh: '发送消息请用发送任务或服务任务；要通知本县所有等待中的事项请用信号',
  },
  'message intermediateThrowEvent': {
    en: 'sending a message is a send or service task here; a signal reaches every waiting case of the county',
    zh: '发送消息请用发送任务或服务任务；要通知本县所有等待中的事项请用信号',
  },
  'compensate startEvent': {
    en: 'compensation event sub-processes are not run; attach a compensation boundary event with a handler to the activity',
    zh: '不运行补偿事件子流程；请在活动上挂补偿边界事件并关联补偿处理活动',
  },
};
/** start events by where they are: a process starts by hand, message, timer or signal; an event sub-process by an event */
const PROCESS_STARTS = ['none', 'message', 'timer', 'signal'];
const EVENT_SUBPROCESS_STARTS = ['message', 'timer', 'signal', 'error', 'escalation', 'conditional'];
/** the camunda 7 attributes we translate; any other camunda:* on an element is refused */
const TRANSLATED_CAMUNDA = [
  'decisionRef',
  'resultVariable',
  'assignee',
  'candidateGroups',
  'candidateUsers',
  'dueDate',
  'formKey',
  'asyncBefore',
  'asyncAfter',
  'exclusive',
  'inputOutput',
  'type',
  'topic',
];

export interface CompileResult {
  processes: ProcessModel[];
  problems: DeploymentProblem[];
}

export function compileDefinitions(definitions: ModdleElement, xml: string, resource: string): CompileResult {
  const problems: DeploymentProblem[] = [];
  const camunda = camundaPrefix(definitions);
  const report = (el: ModdleElement, list: ElementProblem[]) => {
    for (const p of list)
      problems.push({ resource, elementId: el.id, elementType: el.$type, line: el.id ? lineOfId(xml, el.id) : undefined, ...p });
  };
  const processes: ProcessModel[] = [];
  for (const root of definitions.rootElements ?? []) {
    if (root.$type !== 'bpmn:Process') continue;
    const model: ProcessModel = {
      id: root.id ?? '',
      name: root.name ?? null,
      elements: new Map(),
      flows: new Map(),
      startEvents: [],
      eventSubProcesses: [],
      hasCompensation: false,
      hasConditional: false,
      hasInclusiveJoin: false,
    };
    const associations = new Map<string, string[]>();
    collect(root, null, model, camunda, report, associations);
    link(model, associations, (el, list) => report({ id: el.id, $type: `bpmn:${el.type[0].toUpperCase()}${el.type.slice(1)}` }, list));
    if (model.startEvents.length === 0) {
      report(root, [{ code: 'NO_START_EVENT', message: 'process has no start event', messageZh: '流程没有开始事件' }]);
    }
    processes.push(model);
  }
  if (processes.length === 0) {
    problems.push({ resource, code: 'NO_PROCESS', message: 'file contains no process', messageZh: '文件中没有流程' });
  }
  return { processes, problems };
}

type Report = (el: ModdleElement, problems: ElementProblem[]) => void;

/** `associations`: source id → target ids of the bpmn:Association artifacts (how a compensation boundary names its handler) */
function collect(
  container: ModdleElement,
  scopeId: string | null,
  model: ProcessModel,
  camunda: string | null,
  report: Report,
  associations: Map<string, string[]>,
) {
  for (const el of container.flowElements ?? []) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const condition: string | null = el.conditionExpression?.body?.trim() || null;
      if (isJuel(condition)) report(el, [juelProblem('condition', condition!)]);
      const id = el.id ?? '';
      model.flows.set(id, { id, sourceId: el.sourceRef?.id ?? '', targetId: el.targetRef?.id ?? '', condition });
      continue;
    }
    if (IGNORED.has(el.$type)) continue;
    const type = FLOW_NODES[el.$type];
    if (!type) {
      report(el, [{ code: 'UNSUPPORTED_ELEMENT', message: `${el.$type} is not supported`, messageZh: `不支持的元素 ${el.$type}` }]);
      continue;
    }
    const problems: ElementProblem[] = [];
    const def = elementDef(el, type, scopeId, camunda, problems, model);
    report(el, problems);
    model.elements.set(def.id, def);
    if (type === 'subProcess') collect(el, def.id, model, camunda, report, associations);
  }
  for (const artifact of container.artifacts ?? []) {
    if (artifact.$type === 'bpmn:Association' && artifact.sourceRef?.id && artifact.targetRef?.id) {
      associations.set(artifact.sourceRef.id, [...(associations.get(artifact.sourceRef.id) ?? []), artifact.targetRef.id]);
    }
    if (!IGNORED.has(artifact.$type))
      report(artifact, [
        { code: 'UNSUPPORTED_ELEMENT', message: `${artifact.$type} is not supported`, messageZh: `不支持的元素 ${artifact.$type}` },
      ]);
  }
}

function elementDef(
  el: ModdleElement,
  type: ElementType,
  scopeId: string | null,
  camunda: string | null,
  problems: ElementProblem[],
  model: ProcessModel,
): ElementDef {
  const event = eventKind(el, problems);
  const allowed = ALLOWED_EVENTS[type];
  let eventAllowed = !allowed || allowed.includes(event);
  if (!eventAllowed) {
    const hint = EVENT_HINTS[`${event} ${type}`];
    problems.push({
      code: 'UNSUPPORTED_EVENT',
      message: `${event} ${type} is not supported${hint ? `: ${hint.en}` : ''}`,
      messageZh: `不支持 ${event} 类型的 ${type}${hint ? `：${hint.zh}` : ''}`,
    });
  }
  const inEventSubProcess = type === 'startEvent' && scopeId !== null && model.elements.get(scopeId)?.triggeredByEvent === true;
  if (eventAllowed && type === 'startEvent') {
    if (inEventSubProcess && !EVENT_SUBPROCESS_STARTS.includes(event)) {
      eventAllowed = false;
      problems.push({
        code: 'UNSUPPORTED_EVENT',
        message: `an event sub-process starts on a message, timer, signal, error, escalation or conditional event, not ${event}`,
        messageZh: `事件子流程须由消息、定时、信号、错误、升级或条件事件开始，不能是 ${event}`,
      });
    } else if (!inEventSubProcess && scopeId && event !== 'none') {
      eventAllowed = false;
      problems.push({
        code: 'UNSUPPORTED_EVENT',
        message: 'a sub-process start event must be a none start event (only an event sub-process starts on an event)',
        messageZh: '子流程的开始事件必须是空开始事件（只有事件子流程由事件开始）',
      });
    } else if (!scopeId && !PROCESS_STARTS.includes(event)) {
      eventAllowed = false;
      problems.push({
        code: 'UNSUPPORTED_EVENT',
        message: `a process starts by hand, message, timer or signal; a ${event} start event belongs in an event sub-process`,
        messageZh: `流程只能手动、消息、定时或信号开始；${event} 开始事件只能用在事件子流程中`,
      });
    }
  }
  if (inEventSubProcess && event === 'error' && el.isInterrupting === false) {
    problems.push({
      code: 'UNSUPPORTED_EVENT',
      message: 'an error start event always interrupts its scope (set it interrupting)',
      messageZh: '错误开始事件总是中断其所在范围（请设为中断）',
    });
  }
  if (type === 'boundaryEvent' && event === 'error' && el.cancelActivity === false) {
    problems.push({
      code: 'UNSUPPORTED_EVENT',
      message: 'an error boundary event always interrupts its activity (set it interrupting)',
      messageZh: '错误边界事件总是中断所附着的活动（请设为中断）',
    });
  }
  const throwing = type === 'intermediateThrowEvent' || type === 'endEvent';
  const untranslated = camundaNames(el, camunda).filter((n) => !TRANSLATED_CAMUNDA.includes(n.split(':')[1] ?? ''));
  if (untranslated.length > 0) {
    problems.push({
      code: 'UNSUPPORTED_CAMUNDA7',
      message: `Camunda 7 extension ${untranslated.join(', ')} has no equivalent here`,
      messageZh: `Camunda 7 扩展 ${untranslated.join('、')} 在此没有对应功能`,
    });
  }
  const zeebeIo = ioMappings(el);
  const c7Io = camunda ? camunda7Mappings(el, camunda, problems) : { inputs: [], outputs: [] };
  const io = { inputs: [...zeebeIo.inputs, ...c7Io.inputs], outputs: [...zeebeIo.outputs, ...c7Io.outputs] };
  for (const m of [...io.inputs, ...io.outputs]) if (isJuel(m.source)) problems.push(juelProblem('mapping', m.source));
  const topic = externalTopicOf(el, type, camunda, problems);
  // a business rule task is a job (like a service task) when it names a handler or a topic, else it decides with a
  // deployed DMN
  const ruleAsJob = type === 'businessRuleTask' && (!!zeebeExtension(el, 'TaskDefinition') || topic !== null);
  const decision = type === 'businessRuleTask' && !ruleAsJob ? decisionOf(el, camunda, problems) : null;
  const isTask = type === 'serviceTask' || type === 'sendTask' || ruleAsJob;
  // camunda:type names how the task runs instead of a handler (external; anything else is refused above)
  const handler = isTask && !camundaAttr(el, camunda, 'type') ? handlerOf(el, problems) : { handler: null, retries: 3 };
  const message =
    (event === 'message' && eventAllowed) || type === 'receiveTask'
      ? messageOf(el, problems, type !== 'startEvent' || inEventSubProcess)
      : { messageName: null, correlationKey: null };
  return {
    id: el.id ?? '',
    type,
    name: el.name ?? null,
    scopeId,
    incoming: [],
    outgoing: [],
    defaultFlow: el.default?.id ?? null,
    event,
    timer: event === 'timer' && eventAllowed ? timerSpec(el, problems) : null,
    ...message,
    errorCode: event === 'error' ? errorCodeOf(el) : null,
    signalName: event === 'signal' && eventAllowed ? signalNameOf(el, problems) : null,
    escalationCode: event === 'escalation' && eventAllowed ? escalationCodeOf(el, throwing, problems) : null,
    condition: event === 'conditional' && eventAllowed ? conditionOf(el, problems) : null,
    conditionVariables: event === 'conditional' ? conditionVariablesOf(el) : null,
    compensateActivity: event === 'compensate' ? (el.eventDefinitions?.[0]?.activityRef?.id ?? null) : null,
    attachedTo: el.attachedToRef?.id ?? null,
    cancelActivity: type === 'startEvent' ? el.isInterrupting !== false : el.cancelActivity !== false,
    boundaries: [],
    userTask: type === 'userTask' ? userTaskSpec(el, camunda, problems) : null,
    start: type === 'startEvent' && !scopeId ? startSpec(el, camunda, problems) : null,
    ...handler,
    topic,
    asyncBefore: camundaAttr(el, camunda, 'asyncBefore') === 'true',
    asyncAfter: camundaAttr(el, camunda, 'asyncAfter') === 'true',
    compensationHandler: null,
    isForCompensation: el.isForCompensation === true,
    triggeredByEvent: type === 'subProcess' && el.triggeredByEvent === true,
    eventSubProcesses: [],
    script: type === 'scriptTask' ? scriptOf(el, problems) : null,
    decision,
    calledElement: type === 'callActivity' ? calledElementOf(el, problems) : null,
    propagation: propagationOf(el),
    inputs: io.inputs,
    outputs: io.outputs,
    multiInstance: multiInstanceSpec(el, problems),
    startEvents: [],
  };
}

/**
 * A compensation boundary event is not a wait: it names, by an association, the handler that undoes its activity
 * once the activity has completed. The handler is marked isForCompensation and has no sequence flows.
 */
function linkCompensation(
  model: ProcessModel,
  boundary: ElementDef,
  host: ElementDef,
  targets: string[],
  report: (el: ElementDef, problems: ElementProblem[]) => void,
) {
  const handler = targets.map((id) => model.elements.get(id)).find((t) => t?.isForCompensation);
  if (!handler) {
    report(boundary, [
      {
        code: 'COMPENSATION_HANDLER_MISSING',
        message: 'a compensation boundary event needs an association to an activity marked "for compensation"',
        messageZh: '补偿边界事件需要用关联连线指向一个标记为"用于补偿"的活动',
      },
    ]);
    return;
  }
  if (host.multiInstance) {
    report(boundary, [
      {
        code: 'COMPENSATION_MULTI_INSTANCE',
        message: 'compensation of a multi-instance activity is not supported (compensate a sub-process around it)',
        messageZh: '不支持对多实例活动补偿（请对包含它的子流程补偿）',
      },
    ]);
    return;
  }
  host.compensationHandler = handler.id;
  model.hasCompensation = true;
}

/** wires flows to their nodes, boundary events to their activities, and checks the structure */
function link(model: ProcessModel, associations: Map<string, string[]>, report: (el: ElementDef, problems: ElementProblem[]) => void) {
  for (const flow of model.flows.values()) {
    const source = model.elements.get(flow.sourceId);
    const target = model.elements.get(flow.targetId);
    if (source) source.outgoing.push(flow.id);
    if (target) target.incoming.push(flow.id);
  }
  for (const el of model.elements.values()) {
    if (el.type === 'startEvent') {
      if (el.scopeId) model.elements.get(el.scopeId)?.startEvents.push(el.id);
      else model.startEvents.push(el.id);
    }
    if (el.triggeredByEvent) {
      if (el.scopeId) model.elements.get(el.scopeId)?.eventSubProcesses.push(el.id);
      else model.eventSubProcesses.push(el.id);
    }
    if (el.event === 'conditional') model.hasConditional = true;
    if (el.type === 'boundaryEvent') {
      const host = el.attachedTo ? model.elements.get(el.attachedTo) : undefined;
      if (host && el.event === 'compensate') linkCompensation(model, el, host, associations.get(el.id) ?? [], report);
      else if (host) host.boundaries.push(el.id);
      else
        report(el, [
          {
            code: 'BOUNDARY_UNATTACHED',
            message: 'boundary event is not attached to a supported activity',
            messageZh: '边界事件未附着在受支持的活动上',
          },
        ]);
    }
  }
  for (const el of model.elements.values()) checkStructure(model, el, report);
  model.hasInclusiveJoin = [...model.elements.values()].some((el) => el.type === 'inclusiveGateway' && el.incoming.length > 1);
}

function checkStructure(model: ProcessModel, el: ElementDef, report: (el: ElementDef, problems: ElementProblem[]) => void) {
  // conditions are evaluated only at exclusive/inclusive gateways; elsewhere they would be ignored silently
  if (el.type !== 'exclusiveGateway' && el.type !== 'inclusiveGateway') {
    const conditional = el.outgoing.filter((id) => model.flows.get(id)?.condition);
    if (conditional.length > 0) {
      report(el, [
        {
          code: 'CONDITIONAL_FLOW_UNSUPPORTED',
          message: `conditional flows ${conditional.join(', ')} must leave an exclusive or inclusive gateway`,
          messageZh: `条件顺序流 ${conditional.join('、')} 必须从排他网关或包容网关引出`,
        },
      ]);
    }
  }
  if ((el.type === 'exclusiveGateway' || el.type === 'inclusiveGateway') && el.outgoing.length > 1) {
    const unconditioned = el.outgoing.filter((id) => id !== el.defaultFlow && !model.flows.get(id)?.condition);
    if (unconditioned.length > 0) {
      report(el, [
        {
          code: 'CONDITION_MISSING',
          message: `outgoing flows ${unconditioned.join(', ')} need a condition or must be the default flow`,
          messageZh: `出口顺序流 ${unconditioned.join('、')} 需要条件，或设为默认流`,
        },
      ]);
    }
  }
  if (el.type === 'eventBasedGateway') {
    const bad = el.outgoing
      .map((id) => model.elements.get(model.flows.get(id)!.targetId))
      .filter((t) => !t || !(t.type === 'intermediateCatchEvent' || t.type === 'receiveTask'));
    if (bad.length > 0) {
      report(el, [
        {
          code: 'EVENT_GATEWAY_TARGET',
          message: 'event-based gateway must lead to message, timer, signal or conditional catch events or receive tasks',
          messageZh: '事件网关之后必须是消息、定时、信号或条件捕获事件，或接收任务',
        },
      ]);
    }
  }
  if (el.type === 'subProcess' && el.startEvents.length !== 1) {
    report(el, [
      el.triggeredByEvent
        ? {
            code: 'SUBPROCESS_START',
            message: 'event sub-process needs exactly one start event',
            messageZh: '事件子流程必须恰好有一个开始事件',
          }
        : {
            code: 'SUBPROCESS_START',
            message: 'sub-process needs exactly one none start event',
            messageZh: '子流程必须恰好有一个空开始事件',
          },
    ]);
  }
  const flowless = el.triggeredByEvent || el.isForCompensation || (el.type === 'boundaryEvent' && el.event === 'compensate');
  if (flowless && el.incoming.length + el.outgoing.length > 0) {
    const what = el.triggeredByEvent
      ? 'an event sub-process'
      : el.isForCompensation
        ? 'a compensation handler'
        : 'a compensation boundary event';
    const whatZh = el.triggeredByEvent ? '事件子流程' : el.isForCompensation ? '补偿处理活动' : '补偿边界事件';
    report(el, [
      {
        code: 'FLOW_NOT_ALLOWED',
        message: `${what} has no incoming or outgoing sequence flows`,
        messageZh: `${whatZh}不能有进入或离开的顺序流`,
      },
    ]);
  }
  if (el.event === 'compensate' && el.compensateActivity) {
    const target = model.elements.get(el.compensateActivity);
    if (!target || target.scopeId !== el.scopeId) {
      report(el, [
        {
          code: 'COMPENSATION_TARGET',
          message: `activity ${el.compensateActivity} to compensate must be in the same scope as the throw event`,
          messageZh: `要补偿的活动 ${el.compensateActivity} 必须与补偿抛出事件在同一范围内`,
        },
      ]);
    }
  }
}

export type { FlowDef };

const JOB_TYPES = ['serviceTask', 'sendTask', 'businessRuleTask'];

/** Camunda 7's `camunda:type="external"` + `camunda:topic`: a job an external worker fetches by topic over the API. */
function externalTopicOf(el: ModdleElement, type: string, camunda: string | null, problems: ElementProblem[]): string | null {
  const kind = camundaAttr(el, camunda, 'type');
  if (!kind) return null;
  if (kind !== 'external' || !JOB_TYPES.includes(type)) {
    problems.push({
      code: 'UNSUPPORTED_CAMUNDA7',
      message: `camunda:type="${kind}" is supported only as "external" on a service, send or business rule task`,
      messageZh: `camunda:type="${kind}" 仅支持在服务、发送或业务规则任务上取 "external"`,
    });
    return null;
  }
  const topic = camundaAttr(el, camunda, 'topic');
  if (!topic) {
    problems.push({
      code: 'EXTERNAL_TOPIC_MISSING',
      message: 'an external task needs camunda:topic (what its workers fetch)',
      messageZh: '外部任务需要 camunda:topic（外部处理程序按主题领取）',
    });
    return null;
  }
  return String(topic);
}

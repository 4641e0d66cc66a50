import type { DeploymentProblem } from '../errors';
import { camunda7Mappings } from './camunda7-io';
import { camundaAttr, camundaNames, camundaPrefix, isJuel } from './extensions';
import {
  calledElementOf,
  type ElementProblem,
  errorCodeOf,
  eventKind,
  handlerOf,
  ioMappings,
  juelProblem,
  messageOf,
  multiInstanceSpec,
  scriptOf,
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
  startEvent: ['none', 'message', 'timer'],
  endEvent: ['none', 'terminate', 'error'],
  intermediateCatchEvent: ['message', 'timer'],
  boundaryEvent: ['timer', 'message', 'error'],
  intermediateThrowEvent: ['none'],
};
/** the camunda 7 attributes we translate; any other camunda:* on an element is refused */
const TRANSLATED_CAMUNDA = [
  'assignee',
  'candidateGroups',
  'candidateUsers',
  'dueDate',
  'formKey',
  'asyncBefore',
  'exclusive',
  'inputOutput',
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
      hasInclusiveJoin: false,
    };
    collect(root, null, model, camunda, report);
    link(model, (el, list) => report({ id: el.id, $type: `bpmn:${el.type[0].toUpperCase()}${el.type.slice(1)}` }, list));
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

function collect(container: ModdleElement, scopeId: string | null, model: ProcessModel, camunda: string | null, report: Report) {
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
    if (!type || (type === 'subProcess' && el.triggeredByEvent)) {
      const what = el.triggeredByEvent ? 'event sub-process' : el.$type;
      report(el, [{ code: 'UNSUPPORTED_ELEMENT', message: `${what} is not supported`, messageZh: `不支持的元素 ${what}` }]);
      continue;
    }
    const problems: ElementProblem[] = [];
    const def = elementDef(el, type, scopeId, camunda, problems);
    report(el, problems);
    model.elements.set(def.id, def);
    if (type === 'subProcess') collect(el, def.id, model, camunda, report);
  }
  for (const artifact of container.artifacts ?? []) {
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
): ElementDef {
  const event = eventKind(el, problems);
  const allowed = ALLOWED_EVENTS[type];
  const eventAllowed = !allowed || allowed.includes(event);
  if (!eventAllowed) {
    problems.push({ code: 'UNSUPPORTED_EVENT', message: `${event} ${type} is not supported`, messageZh: `不支持 ${event} 类型的 ${type}` });
  }
  if (type === 'startEvent' && scopeId && event !== 'none') {
    problems.push({
      code: 'UNSUPPORTED_EVENT',
      message: 'a sub-process start event must be a none start event',
      messageZh: '子流程的开始事件必须是空开始事件',
    });
  }
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
  const isTask = type === 'serviceTask' || type === 'sendTask';
  const handler = isTask ? handlerOf(el, problems) : { handler: null, retries: 3 };
  const message =
    (event === 'message' && eventAllowed) || type === 'receiveTask'
      ? messageOf(el, problems, type !== 'startEvent')
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
    attachedTo: el.attachedToRef?.id ?? null,
    cancelActivity: el.cancelActivity !== false,
    boundaries: [],
    userTask: type === 'userTask' ? userTaskSpec(el, camunda, problems) : null,
    start: type === 'startEvent' && !scopeId ? startSpec(el, camunda, problems) : null,
    ...handler,
    asyncBefore: camundaAttr(el, camunda, 'asyncBefore') === 'true',
    script: type === 'scriptTask' ? scriptOf(el, problems) : null,
    calledElement: type === 'callActivity' ? calledElementOf(el, problems) : null,
    inputs: io.inputs,
    outputs: io.outputs,
    multiInstance: multiInstanceSpec(el, problems),
    startEvents: [],
  };
}

/** wires flows to their nodes, boundary events to their activities, and checks the structure */
function link(model: ProcessModel, report: (el: ElementDef, problems: ElementProblem[]) => void) {
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
    if (el.type === 'boundaryEvent') {
      const host = el.attachedTo ? model.elements.get(el.attachedTo) : undefined;
      if (host) host.boundaries.push(el.id);
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
          message: 'event-based gateway must lead to message/timer catch events or receive tasks',
          messageZh: '事件网关之后必须是消息/定时捕获事件或接收任务',
        },
      ]);
    }
  }
  if (el.type === 'subProcess' && el.startEvents.length !== 1) {
    report(el, [
      { code: 'SUBPROCESS_START', message: 'sub-process needs exactly one none start event', messageZh: '子流程必须恰好有一个空开始事件' },
    ]);
  }
}

export type { FlowDef };

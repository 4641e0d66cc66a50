import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { XmlIntakeError } from '../errors';

/**
 * One moddle instance with the zeebe extension only. Camunda 7 attributes stay unknown to it and come
 * through as generic `$attrs` / `$children`, which the compiler translates (loading camunda-bpmn-moddle
 * into the same instance breaks parsing).
 */
let shared: BpmnModdle | undefined;

/** A text-bodied child element: a condition, a timer's date, duration or cycle, a loop cardinality. */
export interface ModdleExpression {
  readonly body?: string;
}

/**
 * The slice of bpmn-moddle's element objects the compiler reads. Moddle builds them at run time from the XML
 * and its schemas, so every property is optional; one interface serves BPMN elements, zeebe extension
 * elements (their attributes) and the generic elements moddle makes of what it does not know (Camunda 7's:
 * unknown attributes in `$attrs` or as plain properties, children in `$children`, text in `$body`).
 */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly $attrs?: Readonly<Record<string, unknown>>;
  readonly $children?: readonly ModdleElement[];
  readonly $body?: string;
  /** camunda:entry of a camunda:map */
  readonly key?: string;
  readonly extensionElements?: { readonly values?: readonly ModdleElement[] };
  readonly rootElements?: readonly ModdleElement[];
  readonly flowElements?: readonly ModdleElement[];
  readonly artifacts?: readonly ModdleElement[];
  readonly eventDefinitions?: readonly ModdleElement[];
  readonly sourceRef?: ModdleElement;
  readonly targetRef?: ModdleElement;
  readonly attachedToRef?: ModdleElement;
  readonly default?: ModdleElement;
  readonly messageRef?: ModdleElement;
  readonly errorRef?: ModdleElement;
  readonly errorCode?: string;
  readonly signalRef?: ModdleElement;
  readonly escalationRef?: ModdleElement;
  readonly escalationCode?: string;
  /** bpmn:ConditionalEventDefinition */
  readonly condition?: ModdleExpression;
  /** bpmn:CompensateEventDefinition: the activity to compensate */
  readonly activityRef?: ModdleElement;
  readonly isInterrupting?: boolean;
  readonly isForCompensation?: boolean;
  /** zeebe:conditionalFilter */
  readonly variableNames?: string;
  readonly conditionExpression?: ModdleExpression;
  readonly timeDate?: ModdleExpression;
  readonly timeDuration?: ModdleExpression;
  readonly timeCycle?: ModdleExpression;
  readonly loopCharacteristics?: ModdleElement;
  readonly loopCardinality?: ModdleExpression;
  readonly completionCondition?: ModdleExpression;
  readonly isSequential?: boolean;
  readonly triggeredByEvent?: boolean;
  readonly cancelActivity?: boolean;
  readonly calledElement?: string;
  // attributes of zeebe extension elements
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly candidateUsers?: string;
  readonly dueDate?: string;
  readonly formId?: string;
  readonly formKey?: string;
  readonly type?: string;
  readonly retries?: string;
  readonly expression?: string;
  readonly resultVariable?: string;
  readonly inputCollection?: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly processId?: string;
  readonly propagateAllParentVariables?: boolean | string;
  readonly propagateAllChildVariables?: boolean | string;
  readonly decisionId?: string;
  readonly correlationKey?: string;
  readonly source?: string;
  readonly target?: string;
  readonly value?: string;
  readonly properties?: readonly ModdleElement[];
  readonly inputParameters?: readonly ModdleElement[];
  readonly outputParameters?: readonly ModdleElement[];
}

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: string[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  shared ??= new BpmnModdle({ zeebe });
  try {
    const { rootElement, warnings } = await shared.fromXML(xml, 'bpmn:Definitions');
    return { definitions: rootElement as ModdleElement, warnings: warnings.map((w: { message: string }) => w.message) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new XmlIntakeError('XML_MALFORMED', `not a readable BPMN 2.0 file: ${reason}`, { reason });
  }
}

/**
 * Reads and writes the zeebe extension elements our engine reads on a user task or start event:
 * zeebe:formDefinition formId, zeebe:assignmentDefinition candidateGroups and the fieldPermissions
 * zeebe:property. Writes go through bpmn-js commands, so they can be undone like any other edit.
 */
import type { FieldPermission } from '@kcbx/forms';

export type { FieldPermission };
export type FieldPermissions = Record<string, FieldPermission>;

/** A bpmn-moddle object (no typings ship with bpmn-js for the model objects). */
export type Moddle = any;

export interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

export const FIELD_PERMISSIONS = 'fieldPermissions';
export const STARTER_GROUPS = 'starterGroups';

export function businessObject(element: Moddle): Moddle {
  return element?.businessObject ?? element;
}

export function extension(element: Moddle, type: string): Moddle | undefined {
  const values: Moddle[] = businessObject(element).get('extensionElements')?.get('values') ?? [];
  return values.find((v) => v.$instanceOf(type));
}

export function readFormId(element: Moddle): string {
  const form = extension(element, 'zeebe:FormDefinition');
  return form?.get('formId') ?? form?.get('formKey') ?? '';
}

export function readCandidateGroups(element: Moddle): string[] {
  const value: string = extension(element, 'zeebe:AssignmentDefinition')?.get('candidateGroups') ?? '';
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function property(element: Moddle, name: string): Moddle | undefined {
  const props: Moddle[] = extension(element, 'zeebe:Properties')?.get('properties') ?? [];
  return props.find((p) => p.get('name') === name);
}

/** A start event's starter roles (zeebe:property starterGroups): who may start the procedure by hand. */
export function readStarterGroups(element: Moddle): string[] {
  const value: string = property(element, STARTER_GROUPS)?.get('value') ?? '';
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The step's permissions; an unreadable value counts as none (the validation reports it). */
export function readFieldPermissions(element: Moddle): FieldPermissions {
  const raw = property(element, FIELD_PERMISSIONS)?.get('value');
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as FieldPermissions) : {};
  } catch {
    return {};
  }
}

/** Builds commands for one edit: makes missing containers on the way and records each change. */
export class EditBuilder {
  readonly commands: Command[] = [];

  constructor(
    private readonly element: Moddle,
    private readonly bpmnFactory: Moddle,
  ) {}

  update(moddleElement: Moddle, properties: Record<string, unknown>): void {
    this.commands.push({ cmd: 'element.updateModdleProperties', context: { element: this.element, moddleElement, properties } });
  }

  create(type: string, attrs: Record<string, unknown>, parent: Moddle): Moddle {
    const created = this.bpmnFactory.create(type, attrs);
    created.$parent = parent;
    return created;
  }

  extensionElements(): Moddle {
    const bo = businessObject(this.element);
    let ext = bo.get('extensionElements');
    if (!ext) {
      ext = this.create('bpmn:ExtensionElements', { values: [] }, bo);
      this.update(bo, { extensionElements: ext });
    }
    return ext;
  }

  /** The extension of this type, created when missing. */
  ensure(type: string): Moddle {
    const existing = extension(this.element, type);
    if (existing) return existing;
    const ext = this.extensionElements();
    const created = this.create(type, {}, ext);
    this.update(ext, { values: [...ext.get('values'), created] });
    return created;
  }

  remove(type: string): void {
    const existing = extension(this.element, type);
    if (!existing) return;
    const ext = businessObject(this.element).get('extensionElements');
    this.update(ext, { values: ext.get('values').filter((v: Moddle) => v !== existing) });
  }
}

export function setFormIdCommands(element: Moddle, bpmnFactory: Moddle, formId: string): Command[] {
  const edit = new EditBuilder(element, bpmnFactory);
  if (!formId) edit.remove('zeebe:FormDefinition');
  else edit.update(edit.ensure('zeebe:FormDefinition'), { formId, formKey: undefined });
  return edit.commands;
}

export function setCandidateGroupsCommands(element: Moddle, bpmnFactory: Moddle, roles: string[]): Command[] {
  const edit = new EditBuilder(element, bpmnFactory);
  edit.update(edit.ensure('zeebe:AssignmentDefinition'), { candidateGroups: roles.length ? roles.join(',') : undefined });
  return edit.commands;
}

/** Sets one zeebe:property; undefined removes it. */
export function setPropertyCommands(element: Moddle, bpmnFactory: Moddle, name: string, value: string | undefined): Command[] {
  const edit = new EditBuilder(element, bpmnFactory);
  const existing = property(element, name);
  if (value === undefined) {
    if (existing) {
      const container = existing.$parent;
      edit.update(container, { properties: container.get('properties').filter((p: Moddle) => p !== existing) });
    }
  } else if (existing) {
    edit.update(existing, { value });
  } else {
    const container = edit.ensure('zeebe:Properties');
    const created = edit.create('zeebe:Property', { name, value }, container);
    edit.update(container, { properties: [...(container.get('properties') ?? []), created] });
  }
  return edit.commands;
}

/** Writes the permissions; writable is the default, so only other values are stored (none: the property goes). */
export function setFieldPermissionsCommands(element: Moddle, bpmnFactory: Moddle, permissions: FieldPermissions): Command[] {
  const kept = Object.fromEntries(Object.entries(permissions).filter(([, p]) => p !== 'writable'));
  return setPropertyCommands(element, bpmnFactory, FIELD_PERMISSIONS, Object.keys(kept).length ? JSON.stringify(kept) : undefined);
}

/** No starter roles: anyone may start it at a unit in their scope. */
export function setStarterGroupsCommands(element: Moddle, bpmnFactory: Moddle, roles: string[]): Command[] {
  return setPropertyCommands(element, bpmnFactory, STARTER_GROUPS, roles.length ? roles.join(',') : undefined);
}

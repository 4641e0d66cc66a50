import type { ModdleElement } from './moddle';
import type { Mapping } from './model';

/**
 * Reading extension values from both dialects: zeebe elements are typed by the zeebe moddle package;
 * camunda 7 ones arrive as unknown attributes (`camunda:assignee`) and generic children (`camunda:properties`).
 */
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

export function zeebeExtension(element: ModdleElement, type: string): ModdleElement | undefined {
  return (element.extensionElements?.values ?? []).find((v: ModdleElement) => v.$type === `zeebe:${type}`);
}

/** the prefix a file binds to the camunda 7 namespace (usually "camunda") */
export function camundaPrefix(definitions: ModdleElement): string | null {
  const entry = Object.entries(definitions.$attrs ?? {}).find(([k, v]) => k.startsWith('xmlns:') && v === CAMUNDA_NS);
  return entry ? entry[0].slice('xmlns:'.length) : null;
}

export function camundaAttr(element: ModdleElement, prefix: string | null, name: string): string | null {
  if (!prefix) return null;
  const value = element.$attrs?.[`${prefix}:${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** all camunda 7 attributes and extension children on an element, to refuse the ones we do not translate */
export function camundaNames(element: ModdleElement, prefix: string | null): string[] {
  if (!prefix) return [];
  const attrs = Object.keys(element.$attrs ?? {}).filter((k) => k.startsWith(`${prefix}:`));
  const children = (element.extensionElements?.values ?? [])
    .map((v: ModdleElement) => String(v.$type))
    .filter((t: string) => t.startsWith(`${prefix}:`));
  return [...attrs, ...children];
}

export function zeebeProperties(element: ModdleElement): Record<string, string> {
  const props = zeebeExtension(element, 'Properties')?.properties ?? [];
  return Object.fromEntries(props.map((p: ModdleElement) => [String(p.name), String(p.value ?? '')]));
}

export function ioMappings(element: ModdleElement): { inputs: Mapping[]; outputs: Mapping[] } {
  const io = zeebeExtension(element, 'IoMapping');
  const read = (list: readonly ModdleElement[] | undefined): Mapping[] =>
    (list ?? []).map((p) => ({ source: String(p.source ?? ''), target: String(p.target ?? '') }));
  return { inputs: read(io?.inputParameters), outputs: read(io?.outputParameters) };
}

/** JUEL (`${...}` / `#{...}`) is Camunda 7's expression language; we run FEEL only */
export function isJuel(value: string | null | undefined): boolean {
  return typeof value === 'string' && /[$#]\{/.test(value);
}

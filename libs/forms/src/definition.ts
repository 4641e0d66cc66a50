/** The form definition model: JSON Schema 2020-12 for the data, a JSON Forms-style UI schema for the layout. */

export interface LocalizedText {
  zh: string;
  en: string;
}

/** Either one string for both languages or a {zh, en} pair. */
export type Text = string | LocalizedText;

export type JsonSchema = Record<string, any> | boolean;

export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';

export interface RuleCondition {
  /** "#" (the whole form) or "#/properties/x/properties/y" */
  scope: string;
  schema?: JsonSchema;
  /** JSON Forms' option: when the scoped value is missing, the condition fails instead of passing. */
  failWhenUndefined?: boolean;
}

export interface Rule {
  effect: RuleEffect;
  condition: RuleCondition;
}

interface BaseElement {
  rule?: Rule;
  options?: Record<string, any>;
  label?: Text | boolean;
}

export interface ControlElement extends BaseElement {
  type: 'Control';
  scope: string;
  /** Help text shown under the field. */
  description?: Text;
}

export interface LayoutElement extends BaseElement {
  type: 'VerticalLayout' | 'HorizontalLayout' | 'Group' | 'Categorization' | 'Category';
  elements: UiElement[];
}

export interface LabelElement extends BaseElement {
  type: 'Label';
  text: Text;
}

export type UiElement = ControlElement | LayoutElement | LabelElement;

export interface FormDefinition {
  key: string;
  version: number;
  title: Text;
  description?: Text;
  schema: Record<string, any>;
  uiSchema: UiElement;
}

export function textIn(text: Text | undefined, locale: 'zh' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[locale];
}

export function localized(text: Text): LocalizedText {
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

export function isLayout(element: UiElement): element is LayoutElement {
  return element.type !== 'Control' && element.type !== 'Label';
}

import type Ajv from 'ajv/dist/core';
import type { ValidateFunction } from 'ajv';
import { isCompoundCondition, type RuleCondition, type UiElement } from './definition';
import { listRules } from './ui-walk';
import { scopeToDataPath, valueAt } from './pointers';

/**
 * Rule evaluation (SHOW/HIDE/ENABLE/DISABLE), as JSON Forms does it: a schema condition is checked against
 * the value at its scope. The server evaluates the same rules as the browser, so a field hidden by a rule
 * is not required on either side.
 */
export type ConditionCheck = (data: unknown) => boolean;

export interface CompiledRule {
  effect: 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';
  paths: string[];
  element: UiElement;
  holds: ConditionCheck;
}

export interface UiState {
  /** Control data paths hidden by a rule for this data. */
  hidden: string[];
  /** Control data paths disabled by a rule for this data. */
  disabled: string[];
}

export function compileCondition(ajv: Ajv, condition: RuleCondition): ConditionCheck {
  if (isCompoundCondition(condition)) {
    const parts = condition.conditions.map((c) => compileCondition(ajv, c));
    return condition.type === 'OR' ? (d) => parts.some((p) => p(d)) : (d) => parts.every((p) => p(d));
  }
  if (condition.type === 'LEAF') {
    const leafPath = scopeToDataPath(condition.scope);
    return (d) => valueAt(d, leafPath) === condition.expectedValue;
  }
  const path = scopeToDataPath(condition.scope);
  if (condition.schema === undefined) return () => true; // JSON Forms: a condition without a schema holds
  const check: ValidateFunction = ajv.compile(condition.schema);
  const failWhenUndefined = condition.failWhenUndefined === true;
  return (d) => {
    const value = valueAt(d, path);
    if (value === undefined && failWhenUndefined) return false;
    return check(value) === true;
  };
}

export function compileRules(ajv: Ajv, uiSchema: UiElement): CompiledRule[] {
  return listRules(uiSchema).map(({ rule, element, paths }) => ({
    effect: rule.effect,
    paths,
    element,
    holds: compileCondition(ajv, rule.condition),
  }));
}

export function isRuleHidden(rule: CompiledRule, data: unknown): boolean {
  const holds = rule.holds(data);
  return (rule.effect === 'HIDE' && holds) || (rule.effect === 'SHOW' && !holds);
}

export function isRuleDisabled(rule: CompiledRule, data: unknown): boolean {
  const holds = rule.holds(data);
  return (rule.effect === 'DISABLE' && holds) || (rule.effect === 'ENABLE' && !holds);
}

export function evaluateRules(rules: CompiledRule[], data: unknown): UiState {
  const hidden = new Set<string>();
  const disabled = new Set<string>();
  for (const rule of rules) {
    if (rule.effect === 'SHOW' || rule.effect === 'HIDE') {
      if (isRuleHidden(rule, data)) rule.paths.forEach((p) => hidden.add(p));
    } else if (isRuleDisabled(rule, data)) rule.paths.forEach((p) => disabled.add(p));
  }
  return { hidden: [...hidden], disabled: [...disabled] };
}

import { isCompoundCondition, scopeToDataPath, type Rule, type RuleCondition } from '@kcbx/forms';
import { pointerToName } from './field-names';

/**
 * The field names a rule's condition reads, so a rule gate subscribes to those fields only (one keystroke
 * elsewhere does not re-render it). `undefined` means the whole form ("#" scopes).
 */
export function ruleDependencies(rule: Rule | undefined): string[] | undefined {
  if (!rule) return [];
  const names = new Set<string>();
  let whole = false;
  const visit = (condition: RuleCondition | undefined) => {
    if (!condition) return;
    if (isCompoundCondition(condition)) return Array.isArray(condition.conditions) ? condition.conditions.forEach(visit) : undefined;
    if (typeof condition.scope !== 'string') return;
    const name = pointerToName(scopeToDataPath(condition.scope));
    if (name === '') whole = true;
    else names.add(name);
  };
  visit(rule.condition);
  return whole ? undefined : [...names];
}

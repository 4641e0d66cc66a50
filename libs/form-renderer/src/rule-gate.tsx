import { useContext, useMemo, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { compileCondition, type Rule } from '@kcbx/forms';
import { DisabledContext, useFormEnv } from './form-context';
import { ruleDependencies } from './rule-deps';

/**
 * Applies a SHOW/HIDE/ENABLE/DISABLE rule to what it wraps. Subscribes to the fields the condition reads
 * (all fields only for "#" conditions); a hidden subtree unmounts, so its values are not submitted — as the
 * server expects (a field hidden by a rule is not required).
 */
export function RuleGate({ rule, baseName, children }: { rule: Rule; baseName: string; children: ReactNode }) {
  const { validators } = useFormEnv();
  const holds = useMemo(() => compileCondition(validators.ajv, rule.condition), [validators, rule]);
  const deps = useMemo(() => ruleDependencies(rule)?.map((d) => (baseName ? `${baseName}.${d}` : d)), [rule, baseName]);
  const { getValues } = useFormContext();
  // No names: the whole form, as useWatch does without a name (its typed overloads keep that case apart).
  useWatch({ name: (deps ?? (baseName ? [baseName] : undefined)) as readonly string[] });
  const data = baseName ? getValues(baseName) : getValues();
  const disabledAbove = useContext(DisabledContext);
  const result = holds(data);
  if ((rule.effect === 'HIDE' && result) || (rule.effect === 'SHOW' && !result)) return null;
  const disabled = (rule.effect === 'DISABLE' && result) || (rule.effect === 'ENABLE' && !result);
  return <DisabledContext.Provider value={disabledAbove || disabled}>{children}</DisabledContext.Provider>;
}

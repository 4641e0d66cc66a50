import { Form, Input, InputNumber, Select } from 'antd';
import type { ControlElement, FormDefinition, Rule, RuleEffect } from '@kcbx/forms';
import { schemaAtScope, scopeNames, walk } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { textOf } from './labels';

const EFFECTS: RuleEffect[] = ['SHOW', 'HIDE', 'ENABLE', 'DISABLE'];

/** "Show / hide / enable / disable this field when <other field> is <value>" — the common case of a rule. */
export function RuleEditor({
  definition,
  control,
  onChange,
}: {
  definition: FormDefinition;
  control: ControlElement;
  onChange(rule: Rule | null): void;
}) {
  const { t, lang } = useI18n();
  const others: { scope: string; label: string }[] = [];
  walk(definition.uiSchema, (e) => {
    if (e.type === 'Control' && e.scope !== control.scope)
      others.push({ scope: e.scope, label: textOf(e.label, lang, (scopeNames(e.scope) ?? [e.scope]).join('.')) });
  });
  const rule = control.rule;
  // the builder writes schema conditions; an imported LEAF/OR/AND one shows as no rule here
  const condition = rule && rule.condition.type === undefined ? rule.condition : undefined;
  const scope = condition?.scope;
  const target = scope ? schemaAtScope(definition, scope) : undefined;
  const value = (condition?.schema as { const?: unknown } | undefined)?.const;
  const set = (effect: RuleEffect | undefined, nextScope: string | undefined, nextValue: unknown) => {
    if (!effect || !nextScope)
      return onChange(
        effect ? { effect, condition: { scope: nextScope ?? others[0]?.scope ?? '#', schema: { const: nextValue ?? true } } } : null,
      );
    onChange({ effect, condition: { scope: nextScope, schema: { const: nextValue ?? null } } });
  };
  const choices = target && Array.isArray(target.enum) ? target.enum : undefined;
  let captions: Record<string, unknown> = {};
  walk(definition.uiSchema, (e) => {
    if (e.type === 'Control' && e.scope === scope) captions = (e.options?.labels as Record<string, unknown>) ?? {};
  });
  const caption = (v: unknown) => {
    const c = captions[String(v)];
    return c && typeof c === 'object' ? textOf(c as { zh: string; en: string }, lang, String(v)) : typeof c === 'string' ? c : String(v);
  };
  return (
    <>
      <Form.Item label={t('forms.rule.effect')}>
        <Select
          data-testid="rule-effect"
          allowClear
          placeholder={t('forms.rule.none')}
          value={rule?.effect}
          onChange={(e?: RuleEffect) => set(e, scope ?? others[0]?.scope, value)}
          options={EFFECTS.map((e) => ({ value: e, label: t(`forms.rule.${e}`) }))}
        />
      </Form.Item>
      {rule && (
        <>
          <Form.Item label={t('forms.rule.when')}>
            <Select
              data-testid="rule-field"
              value={scope}
              onChange={(s: string) => set(rule.effect, s, undefined)}
              options={others.map((o) => ({ value: o.scope, label: o.label }))}
            />
          </Form.Item>
          <Form.Item label={t('forms.rule.equals')}>
            {target?.type === 'boolean' ? (
              <Select
                value={value as boolean}
                onChange={(v: boolean) => set(rule.effect, scope, v)}
                options={[
                  { value: true, label: t('forms.props.yes') },
                  { value: false, label: t('forms.props.no') },
                ]}
              />
            ) : choices ? (
              <Select
                value={value as string}
                onChange={(v: string) => set(rule.effect, scope, v)}
                options={choices.map((c: unknown) => ({ value: c as string, label: caption(c) }))}
              />
            ) : target?.type === 'number' || target?.type === 'integer' ? (
              <InputNumber value={value as number} onChange={(v) => set(rule.effect, scope, v)} />
            ) : (
              <Input
                value={value === undefined || value === null ? '' : String(value)}
                onChange={(e) => set(rule.effect, scope, e.target.value)}
              />
            )}
          </Form.Item>
        </>
      )}
    </>
  );
}

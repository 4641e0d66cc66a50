import type { ProcessDefinition } from '@kcbx/api-contract';
import { useMemo } from 'react';
import { Select, Space } from 'antd';
import { useI18n } from '../../i18n/i18n';

export interface InstanceFiltersProps {
  /** every deployed version of every procedure */
  defs: ProcessDefinition[];
  procedureKey: string;
  version: number | undefined;
  state: string;
  /** changes to the address's parameters; undefined removes one */
  onChange(changes: Record<string, string | undefined>): void;
}

/** Which instances to list: procedure (latest names), one version or all, and state. */
export function InstanceFilters({ defs, procedureKey, version, state, onChange }: InstanceFiltersProps) {
  const { t } = useI18n();
  const procedures = useMemo(() => {
    const latest = new Map<string, ProcessDefinition>();
    for (const d of defs) if ((latest.get(d.key)?.version ?? 0) < d.version) latest.set(d.key, d);
    return [...latest.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, [defs]);
  const versions = defs.filter((d) => d.key === procedureKey).sort((a, b) => b.version - a.version);

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        data-testid="instances-procedure"
        style={{ width: 280, maxWidth: '100%' }}
        placeholder={t('modeler.instances.pick')}
        aria-label={t('modeler.instances.pick')}
        allowClear
        value={procedureKey || undefined}
        onChange={(v?: string) => onChange({ key: v, version: undefined })}
        options={procedures.map((d) => ({ value: d.key, label: `${d.name || d.key} (${d.key})` }))}
        showSearch
        optionFilterProp="label"
      />
      <Select
        data-testid="instances-version"
        aria-label={t('modeler.instances.version')}
        style={{ width: 140 }}
        value={version ?? 0}
        onChange={(v: number) => onChange({ version: v ? String(v) : undefined })}
        options={[
          { value: 0, label: t('modeler.instances.allVersions') },
          ...versions.map((d) => ({ value: d.version, label: t('modeler.instances.versionN', { version: d.version }) })),
        ]}
      />
      <Select
        data-testid="instances-state"
        aria-label={t('modeler.instances.state')}
        style={{ width: 140 }}
        value={state}
        onChange={(v: string) => onChange({ state: v })}
        options={[
          { value: 'all', label: t('modeler.instances.allStates') },
          ...(['active', 'completed', 'terminated'] as const).map((s) => ({ value: s, label: t(`modeler.state.${s}`) })),
        ]}
      />
    </Space>
  );
}

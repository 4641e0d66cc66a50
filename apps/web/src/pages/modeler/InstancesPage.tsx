import type { InstanceSummary, ProcessDefinition } from '@kcbx/api-contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Select, Space, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { definitionInfo } from './activityNames';
import { caseLabel, InstanceDrawer } from './InstanceDrawer';
import { modelerApi } from './modelerApi';
import { StateTag } from './StateTag';

const PAGE_SIZE = 20;

interface Row extends InstanceSummary {
  stepNames: string;
  incidentCount: number;
}

/** Monitoring: the instances of a procedure (one version or all) by state, with incidents to retry. */
export default function InstancesPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const key = params.get('key') ?? '';
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const state = params.get('state') ?? 'active';
  const [defs, setDefs] = useState<ProcessDefinition[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    modelerApi.definitions(true).then(setDefs).catch(showError);
  }, [showError]);

  const procedures = useMemo(() => {
    const latest = new Map<string, ProcessDefinition>();
    for (const d of defs) if ((latest.get(d.key)?.version ?? 0) < d.version) latest.set(d.key, d);
    return [...latest.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, [defs]);
  const versions = defs.filter((d) => d.key === key).sort((a, b) => b.version - a.version);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
    setPage(1);
  };

  const load = useCallback(() => {
    // No procedure picked: every procedure's instances, newest first (the page was empty until a pick).
    setLoading(true);
    modelerApi
      .instances({
        definitionKey: key || undefined,
        version: key ? version : undefined,
        state: state === 'all' ? undefined : state,
        page,
        pageSize: PAGE_SIZE,
      })
      .then(async (r) => {
        setTotal(r.total);
        setRows(
          await Promise.all(
            r.items.map(async (i) => {
              const names = await definitionInfo(i.definitionId).then(
                (d) => d.names,
                () => new Map<string, string>(),
              );
              // The list does not carry the current steps; a running instance's detail does.
              const ids =
                i.activeActivityIds ??
                (i.state === 'active'
                  ? await modelerApi.instance(i.id).then(
                      (d) => d.activeActivityIds,
                      () => [],
                    )
                  : []);
              const incidentCount = Array.isArray(i.incidents) ? i.incidents.length : (i.incidents ?? 0);
              return { ...i, stepNames: ids.map((id) => names.get(id) ?? id).join('、'), incidentCount };
            }),
          ),
        );
      })
      .catch(showError)
      .finally(() => setLoading(false));
  }, [key, version, state, page, showError]);
  useEffect(load, [load]);

  const versionOf = (definitionId: string) => defs.find((d) => d.id === definitionId)?.version;

  return (
    <>
      <PageTitle>{t('shell.menu.instances')}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="instances-procedure"
          style={{ width: 280, maxWidth: '100%' }}
          placeholder={t('modeler.instances.pick')}
          aria-label={t('modeler.instances.pick')}
          allowClear
          value={key || undefined}
          onChange={(v?: string) => set({ key: v, version: undefined })}
          options={procedures.map((d) => ({ value: d.key, label: `${d.name || d.key} (${d.key})` }))}
          showSearch
          optionFilterProp="label"
        />
        <Select
          data-testid="instances-version"
          aria-label={t('modeler.instances.version')}
          style={{ width: 140 }}
          value={version ?? 0}
          onChange={(v: number) => set({ version: v ? String(v) : undefined })}
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
          onChange={(v: string) => set({ state: v })}
          options={[
            { value: 'all', label: t('modeler.instances.allStates') },
            ...(['active', 'completed', 'terminated'] as const).map((s) => ({ value: s, label: t(`modeler.state.${s}`) })),
          ]}
        />
      </Space>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="instances-table"
        locale={{ emptyText: t('modeler.instances.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('modeler.instances.case'), key: 'case', render: (_: unknown, r) => caseLabel(r) },
          { title: t('modeler.instances.unit'), dataIndex: 'orgUnitName', render: (v: string | undefined, r) => v ?? r.orgUnit ?? '—' },
          {
            title: t('modeler.instances.version'),
            key: 'version',
            width: 70,
            render: (_: unknown, r) => r.version ?? versionOf(r.definitionId) ?? '—',
          },
          { title: t('modeler.instances.state'), dataIndex: 'state', width: 90, render: (s: string) => <StateTag state={s} /> },
          { title: t('modeler.instances.activeStep'), dataIndex: 'stepNames', render: (v: string) => v || '—' },
          {
            title: t('modeler.instances.incidents'),
            dataIndex: 'incidentCount',
            width: 80,
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '—'),
          },
          { title: t('modeler.instances.started'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <InstanceDrawer instanceId={open} onClose={() => setOpen(null)} onChanged={load} />
    </>
  );
}

import type { ProcessDefinition } from '@kcbx/api-contract';
import { useState } from 'react';
import { Table, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { caseLabel } from './caseLabel';
import { InstanceDrawer } from './InstanceDrawer';
import { InstanceFilters } from './InstanceFilters';
import { modelerApi } from './modelerApi';
import { StateTag } from './StateTag';
import { useInstanceRows, type InstanceRow } from './useInstanceRows';

const PAGE_SIZE = 20;
const NO_DEFINITIONS: ProcessDefinition[] = [];

/** Monitoring: the instances of a procedure (one version or all) by state, with incidents to retry. */
export default function InstancesPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const key = params.get('key') ?? '';
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const state = params.get('state') ?? 'active';
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const { data: defs = NO_DEFINITIONS } = useLoad(() => modelerApi.definitions(true), [], showError);
  const { rows, total, loading, reload } = useInstanceRows({ key, version, state, page, pageSize: PAGE_SIZE });

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
    setPage(1);
  };
  const versionOf = (definitionId: string) => defs.find((d) => d.id === definitionId)?.version;

  return (
    <>
      <PageTitle>{t('shell.menu.instances')}</PageTitle>
      <InstanceFilters defs={defs} procedureKey={key} version={version} state={state} onChange={set} />
      <Table<InstanceRow>
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
      <InstanceDrawer instanceId={open} onClose={() => setOpen(null)} onChanged={reload} />
    </>
  );
}

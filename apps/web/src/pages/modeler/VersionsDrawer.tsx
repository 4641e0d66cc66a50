import type { ProcessDefinition } from '@kcbx/api-contract';
import { useEffect, useState } from 'react';
import { Button, Drawer, Space, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { MigrateButton } from './MigrateButton';
import { modelerApi, runningCount } from './modelerApi';

interface Row extends ProcessDefinition {
  running: number | null;
}

const NO_ROWS: Row[] = [];

/** Every version of one procedure, newest first, with its running instances. */
async function versionsOf(processKey: string): Promise<Row[]> {
  const defs = await modelerApi.definitions(true);
  const mine = defs.filter((d) => d.key === processKey).sort((a, b) => b.version - a.version);
  return Promise.all(mine.map(async (d) => ({ ...d, running: await runningCount(d.key, d.version) })));
}

/** Every deployed version of one procedure with its running instances; any version can be opened. */
export function VersionsDrawer(props: { processKey: string; name: string; open: boolean; onClose: () => void; reload: number }) {
  const { processKey, name, open, onClose, reload } = props;
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [migrations, setMigrations] = useState(0);
  // Loaded each time the drawer opens (the running counts change); a closed drawer keeps the rows it showed.
  const { data, loading } = useLoad(
    () => (open && processKey ? versionsOf(processKey) : Promise.resolve(null)),
    [open, processKey, reload, migrations],
    showError,
  );
  const [rows, setRows] = useState(NO_ROWS);
  useEffect(() => {
    if (data) setRows(data);
  }, [data]);
  const latest = rows[0];

  return (
    <Drawer open={open} onClose={onClose} width="min(560px, 100vw)" title={t('modeler.version.title', { name: name || processKey })}>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="versions-table"
        locale={{ emptyText: t('modeler.version.none') }}
        columns={[
          { title: t('modeler.version.version'), dataIndex: 'version', width: 70 },
          { title: t('modeler.version.deployedAt'), dataIndex: 'deployedAt', render: (v: string) => formatDateTime(v) },
          { title: t('modeler.version.running'), dataIndex: 'running', width: 100, render: (n: number | null) => n ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  onClick={() => {
                    onClose();
                    navigate(`/design/processes/${encodeURIComponent(r.key)}?version=${r.version}`);
                  }}
                >
                  {t('modeler.version.open')}
                </Button>
                <Button size="small" onClick={() => navigate(`/design/instances?key=${encodeURIComponent(r.key)}&version=${r.version}`)}>
                  {t('modeler.version.instances')}
                </Button>
                {latest && r.version < latest.version && (r.running ?? 0) > 0 && (
                  <MigrateButton from={r} to={latest} onDone={() => setMigrations((n) => n + 1)} />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

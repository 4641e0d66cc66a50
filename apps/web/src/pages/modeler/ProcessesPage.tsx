import type { ProcessDefinition } from '@kcbx/api-contract';
import { useMemo } from 'react';
import { Button, Space, Table, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { modelerApi, runningCount } from './modelerApi';

interface Row {
  key: string;
  name: string | null;
  latest: number;
  deployedAt: string;
  running: number | null;
}

/** One row per procedure: latest version, when it was deployed and how many cases are running. */
function summarize(defs: ProcessDefinition[]): Row[] {
  const rows = new Map<string, Row>();
  for (const d of defs) {
    const row = rows.get(d.key);
    if (!row || row.latest < d.version)
      rows.set(d.key, { key: d.key, name: d.name, latest: d.version, deployedAt: d.deployedAt, running: null });
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The procedures of the county: new, open, upload a .bpmn (Camunda Modeler files open in our modeler). */
export default function ProcessesPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const defs = useLoad(() => modelerApi.definitions(true), [], showError);
  const summary = useMemo(() => summarize(defs.data ?? []), [defs.data]);
  // The rows show at once; how many cases run comes after, one count per procedure.
  const running = useLoad(
    () => Promise.all(summary.map(async (r) => [r.key, await runningCount(r.key)] as const)).then((pairs) => new Map(pairs)),
    [summary],
  );
  const rows = useMemo(() => summary.map((r) => ({ ...r, running: running.data?.get(r.key) ?? null })), [summary, running.data]);
  const loading = defs.loading || running.loading;

  const openFile = (file: File) => {
    file.text().then(
      (xml) => navigate('/design/processes/new', { state: { xml } }),
      () => showError(new Error(t('modeler.processes.uploadFailed', { name: file.name }))),
    );
    return false; // read in the browser, nothing is sent until the designer deploys
  };

  return (
    <>
      <PageTitle>{t('shell.menu.processes')}</PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/design/processes/new')} data-testid="process-new">
          {t('modeler.processes.new')}
        </Button>
        <Upload accept=".bpmn,.xml" showUploadList={false} beforeUpload={openFile}>
          <Button icon={<UploadOutlined />} data-testid="process-upload">
            {t('modeler.processes.upload')}
          </Button>
        </Upload>
      </Space>
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="processes-table"
        // On a phone the columns keep their widths and the table scrolls in its own box (not a character a line).
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('modeler.processes.empty') }}
        pagination={false}
        columns={[
          { title: t('modeler.processes.name'), dataIndex: 'name', render: (v: string | null, r) => v || r.key },
          { title: t('modeler.processes.key'), dataIndex: 'key' },
          { title: t('modeler.processes.latest'), dataIndex: 'latest', width: 90 },
          { title: t('modeler.processes.deployedAt'), dataIndex: 'deployedAt', render: (v: string) => formatDateTime(v) },
          { title: t('modeler.processes.running'), dataIndex: 'running', width: 110, render: (n: number | null) => n ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => navigate(`/design/processes/${encodeURIComponent(r.key)}`)}>
                  {t('modeler.processes.open')}
                </Button>
                <Button size="small" onClick={() => navigate(`/design/instances?key=${encodeURIComponent(r.key)}`)}>
                  {t('modeler.processes.instances')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

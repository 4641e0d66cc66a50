import { useMemo, useState } from 'react';
import { Button, Space, Table, Tag } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Text } from '@kcbx/forms';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ImportModal } from './builder/ImportModal';
import { textOf } from './builder/labels';
import { formsApi } from './formsApi';
import { summarize, type FormRow } from './formRows';
import { NewFormModal } from './NewFormModal';

const NO_ROWS: FormRow[] = [];

/** The county's forms: published versions and drafts; new form, import from rjsf / form-js / JSON Forms. */
export default function FormsListPage() {
  const { t, lang, formatDateTime } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const { data: rows = NO_ROWS, loading } = useLoad(
    () => Promise.all([formsApi.published(), formsApi.drafts()]).then(([published, drafts]) => summarize(published, drafts)),
    [],
    showError,
  );
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const taken = useMemo(() => new Set(rows.map((r) => r.key)), [rows]);

  const open = (key: string) => navigate(`/design/forms/${encodeURIComponent(key)}`);

  return (
    <>
      <PageTitle>{t('shell.menu.forms')}</PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="form-new">
          {t('forms.list.new')}
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="form-import">
          {t('forms.list.import')}
        </Button>
      </Space>
      <Table<FormRow>
        rowKey="key"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="forms-table"
        pagination={false}
        locale={{ emptyText: t('forms.list.empty') }}
        columns={[
          { title: t('forms.list.title'), dataIndex: 'title', render: (v: Text, r) => textOf(v, lang, r.key) },
          { title: t('forms.list.key'), dataIndex: 'key' },
          {
            title: t('forms.list.latest'),
            dataIndex: 'latest',
            width: 140,
            render: (v: number | null, r) => (v === null ? '—' : t('forms.list.versionCount', { version: v, count: r.versions })),
          },
          { title: t('forms.list.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          {
            title: t('forms.list.draft'),
            dataIndex: 'draftSavedAt',
            render: (v: string | null, r) =>
              v ? <Tag color="blue">{t('forms.list.draftSaved', { at: formatDateTime(v), by: r.draftBy ?? '' })}</Tag> : '—',
          },
          {
            title: '',
            key: 'open',
            width: 90,
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => open(r.key)} data-testid={`form-open-${r.key}`}>
                {t('forms.list.open')}
              </Button>
            ),
          },
        ]}
      />
      <NewFormModal
        open={creating}
        taken={taken}
        onClose={() => setCreating(false)}
        onCreate={(key, title) => navigate(`/design/forms/${encodeURIComponent(key)}`, { state: { title } })}
      />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(definition) => navigate(`/design/forms/${encodeURIComponent(definition.key)}`, { state: { definition } })}
      />
    </>
  );
}

import type { VisitAssignment } from '@kcbx/api-contract';
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/auth';
import { fieldProblems } from '../../components/forms/ServerErrors';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { AssignmentProblem, visitsApi } from './visitsApi';

interface Fields {
  username: string;
  office?: string;
  township: string;
  schools?: string[];
}

/**
 * 包抓分工表: who of the county bureau visits which township and its schools. Everyone who reads reports sees it;
 * the office that manages the ledgers adds, edits, removes, or replaces it with the 附件-style list (a refused
 * list shows every bad cell by row and column). A table that scrolls sideways on a phone.
 */
export default function VisitAssignmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { can } = useAuth();
  const manage = can('ledger.manage');
  const { data, reload } = useLoad(() => visitsApi.list(), [], showError);
  const { units } = useOrgUnits();
  const [editing, setEditing] = useState<VisitAssignment | 'new' | null>(null);
  const [problems, setProblems] = useState<AssignmentProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Fields>();
  const township = Form.useWatch('township', form);

  const townships = useMemo(() => units.filter((u) => u.kind === 'township'), [units]);
  const schools = useMemo(() => units.filter((u) => u.kind === 'school' && u.parentCode === township), [units, township]);

  const open = (row: VisitAssignment | 'new') => {
    setEditing(row);
    form.resetFields();
    if (row !== 'new')
      form.setFieldsValue({
        username: row.username,
        office: row.office,
        township: row.township.code,
        schools: row.schools.map((s) => s.code),
      });
  };

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const input = { username: v.username.trim(), office: v.office?.trim() || undefined, township: v.township, schools: v.schools ?? [] };
      if (editing === 'new') await visitsApi.create(input);
      else if (editing) await visitsApi.update(editing.id, input);
      void message.success(t('common.saved'));
      setEditing(null);
      reload();
    } catch (e) {
      const fields = e instanceof ApiError && e.status === 400 ? fieldProblems(e.details) : [];
      if (fields.length) form.setFields(fields.map((p) => ({ name: (p.field ?? '') as keyof Fields, errors: [p.message] })));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setProblems([]);
    try {
      const r = await visitsApi.import(file);
      void message.success(t('visits.imported', { n: r.rows, before: r.replaced }));
      reload();
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details)) setProblems(e.details as AssignmentProblem[]);
      showError(e);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="visit-assignments-page">
      <PageTitle>{t('visits.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('visits.intro')}{' '}
        <Link to="/dashboard" style={{ textDecoration: 'underline' }}>
          {t('visits.compliance')}
        </Link>
      </Typography.Paragraph>
      {manage ? (
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="visit-add">
            {t('visits.add')}
          </Button>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="visit-import">
              {t('visits.import')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('visits.importHint')}</Typography.Text>
        </Space>
      ) : (
        <Alert type="info" showIcon message={t('visits.readOnly')} />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems([])}
          data-testid="visit-import-problems"
          message={t('visits.importRefused')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {t('visits.row', { row: p.row })} · {p.column}：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<VisitAssignment>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="visit-assignments-table"
        dataSource={data ?? []}
        loading={!data}
        locale={{ emptyText: t('visits.empty') }}
        columns={[
          {
            title: t('visits.person'),
            key: 'person',
            fixed: 'left',
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {r.displayName}
                <br />
                <Typography.Text type="secondary">{r.username}</Typography.Text>
              </span>
            ),
          },
          { title: t('visits.office'), dataIndex: 'office', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          {
            title: t('visits.township'),
            key: 'township',
            render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.township.name}</span>,
          },
          {
            title: t('visits.schools'),
            key: 'schools',
            render: (_, r) =>
              r.schools.length ? (
                <Space size={[4, 4]} wrap style={{ minWidth: 160 }}>
                  {r.schools.map((s) => (
                    <Tag key={s.code}>{s.name}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('visits.allSchools')}</Typography.Text>
              ),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: VisitAssignment) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => open(r)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('visits.removeConfirm', { person: r.displayName, township: r.township.name })}
                        onConfirm={() =>
                          visitsApi
                            .remove(r.id)
                            .then(() => {
                              void message.success(t('visits.removed'));
                              reload();
                            })
                            .catch(showError)
                        }
                      >
                        <Button size="small" danger>
                          {t('visits.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={editing === 'new' ? t('visits.add') : t('visits.edit')}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnClose
      >
        <Form form={form} layout="vertical" onFinish={save} data-testid="visit-form">
          <Form.Item name="username" label={t('visits.account')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="office" label={t('visits.office')} extra={t('visits.officeHint')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="township" label={t('visits.township')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={townships.map((u) => ({ value: u.code, label: u.name }))}
              onChange={() => form.setFieldValue('schools', [])}
            />
          </Form.Item>
          <Form.Item name="schools" label={t('visits.schools')} extra={t('visits.schoolsHint')}>
            <Select mode="multiple" optionFilterProp="label" options={schools.map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

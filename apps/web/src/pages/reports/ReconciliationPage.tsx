import type { ReconciliationDifference, ReconciliationKind, ReconciliationUnitRow } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { useLoad } from '../../util/useLoad';
import { reportsApi } from './reportsApi';

const kindLabel = (k: ReconciliationKind): MessageKey => `reports.check.kind.${k}`;
const KIND_COLOR: Record<ReconciliationKind, string> = { 'poverty-only': 'red', 'register-only': 'orange', 'ledger-only': 'blue' };

/**
 * 三统一核对 (人账相符): per unit the children on the platform's account, on the latest 学籍名册 and on the poverty
 * office's list, then every difference child by child; each is explained with a note (who and when recorded)
 * before the unit's report can be signed.
 */
export default function ReconciliationPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const orgUnit = params.get('orgUnit') ?? undefined;
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [explaining, setExplaining] = useState<ReconciliationDifference | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const { data, reload: load } = useLoad(() => reportsApi.reconciliation(orgUnit), [orgUnit], showError);

  const save = async () => {
    if (!explaining) return;
    setSaving(true);
    setNoteError(null);
    try {
      await reportsApi.explain(explaining.key, note);
      void message.success(t('common.saved'));
      setExplaining(null);
      load();
    } catch (e) {
      const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as { field: string; message: string }[]) : [];
      if (details.length) setNoteError(details.map((d) => d.message).join('；'));
      else showError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!data) return <Spin />;
  const units: (ReconciliationUnitRow & { total?: boolean })[] = [
    ...data.children,
    { ...data.unit, name: `${data.unit.name}（${t('reports.total')}）`, total: true },
  ];
  const diffs = onlyOpen ? data.differences.filter((d) => !d.explanation) : data.differences;
  return (
    <>
      <PageTitle>{t('reports.check.title')}</PageTitle>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reports.check.hint')}
        </Typography.Paragraph>
        {!data.imports.student && <Alert type="info" showIcon message={t('reports.check.noRegister')} />}
        {!data.imports.poverty && <Alert type="info" showIcon message={t('reports.check.noPoverty')} />}
        {orgUnit && <Button onClick={() => setParams({}, { replace: true })}>{t('reports.up')}</Button>}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={units}
          data-testid="reconciliation-units"
          columns={[
            {
              title: t('reports.unit'),
              dataIndex: 'name',
              render: (name: string, u) =>
                u.total ? <strong>{name}</strong> : <a onClick={() => setParams({ orgUnit: u.code }, { replace: true })}>{name}</a>,
            },
            { title: t('reports.check.ledger'), dataIndex: 'ledger' },
            { title: t('reports.check.register'), dataIndex: 'register' },
            { title: t('reports.check.poverty'), dataIndex: 'poverty' },
            { title: t('reports.check.differences'), dataIndex: 'differences' },
            {
              title: t('reports.check.unexplained'),
              dataIndex: 'unexplained',
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <Tag color="green">0</Tag>),
            },
          ]}
        />
        <Space>
          <Switch checked={onlyOpen} onChange={setOnlyOpen} aria-label={t('reports.check.onlyOpen')} />
          {t('reports.check.onlyOpen')}
        </Space>
        {data.differences.length === 0 ? (
          <Alert type="success" showIcon message={t('reports.check.none')} />
        ) : (
          <Table
            size="small"
            rowKey="key"
            scroll={{ x: 480 }}
            dataSource={diffs}
            data-testid="reconciliation-differences"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('reports.check.child'),
                dataIndex: 'name',
                fixed: 'left',
                width: 150,
                render: (name: string, d) => (
                  <>
                    {name}
                    <br />
                    <Typography.Text type="secondary">{d.idNumberMasked}</Typography.Text>
                    <br />
                    <Tag color={KIND_COLOR[d.kind]} style={{ whiteSpace: 'normal' }}>
                      {t(kindLabel(d.kind))}
                    </Tag>
                  </>
                ),
              },
              { title: t('reports.unit'), dataIndex: 'unitName', width: 160 },
              {
                title: t('reports.check.explanation'),
                key: 'explanation',
                fixed: 'right',
                width: 170,
                render: (_: unknown, d) =>
                  d.explanation ? (
                    <>
                      {d.explanation.note}
                      <br />
                      <Typography.Text type="secondary">
                        {t('reports.check.explainedBy', { by: d.explanation.by, date: formatDateTime(d.explanation.at) })}
                      </Typography.Text>
                    </>
                  ) : (
                    <Button
                      size="small"
                      data-testid="explain-button"
                      onClick={() => {
                        setExplaining(d);
                        setNote('');
                        setNoteError(null);
                      }}
                    >
                      {t('reports.check.explain')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Space>
      <Modal
        open={!!explaining}
        title={explaining ? t('reports.check.explainTitle', { name: explaining.name }) : ''}
        onCancel={() => setExplaining(null)}
        onOk={save}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        {explaining && (
          <Form layout="vertical">
            <Form.Item label={t(kindLabel(explaining.kind))} validateStatus={noteError ? 'error' : undefined} help={noteError ?? undefined}>
              <Input.TextArea
                rows={3}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('reports.check.notePlaceholder')}
                data-testid="explain-note"
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}

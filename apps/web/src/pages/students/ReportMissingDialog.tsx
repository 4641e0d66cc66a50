import type { LedgerEntryReported, Student } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, AutoComplete, Form, Input, Modal } from 'antd';
import { ledgerReportsApi } from '../../api/ledgerReports';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';

/** The reasons teachers give most; any other can be typed. */
const REASONS = ['连续缺课', '开学未到校', '休学期满未返校', '转学未到新校报到'];

interface Values {
  reason: string;
  since: string;
}

/**
 * A class teacher reports a child of the student list missing (issue #16): the child goes on the 疑似辍学台账
 * and the county's persuasion procedure starts (at once or after the school's check — the county's parameter).
 * Made for a phone: two fields, the native date picker, refusals shown at their field.
 */
export function ReportMissingDialog({ student, onClose }: { student: Student | null; onClose(done: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!student) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      const res: LedgerEntryReported = await ledgerReportsApi.report('suspected-dropout', {
        studentId: student.id,
        reason: values.reason.trim(),
        since: values.since,
      });
      void message.success(t(res.joinedExisting ? 'students.report.joined' : 'students.report.done', { name: student.name }));
      form.resetFields();
      onClose(true);
    } catch (e) {
      const fields = e instanceof ApiError && Array.isArray(e.details) ? (e.details as { field?: string; message?: string }[]) : [];
      const known = fields.filter((f) => f.field === 'reason' || f.field === 'since');
      if (known.length) form.setFields(known.map((f) => ({ name: f.field as keyof Values, errors: [String(f.message ?? '')] })));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!student}
      title={t('students.report.title', { name: student?.name ?? '' })}
      okText={t('students.report.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      data-testid="report-missing-dialog"
    >
      <p>{t('students.report.hint')}</p>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t('students.report.reason')}
          rules={[{ required: true, whitespace: true, message: t('students.report.reasonRequired') }]}
        >
          <AutoComplete options={REASONS.map((r) => ({ value: r }))} placeholder={REASONS[0]} data-testid="report-reason" />
        </Form.Item>
        <Form.Item
          name="since"
          label={t('students.report.since')}
          rules={[{ required: true, message: t('students.report.sinceRequired') }]}
        >
          <Input type="date" max={new Date().toISOString().slice(0, 10)} data-testid="report-since" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

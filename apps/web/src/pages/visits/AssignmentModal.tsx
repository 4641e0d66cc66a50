import { useMemo } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useOrgUnits } from '../../util/useOrgUnits';
import type { AssignmentEditor } from './useAssignmentEditor';

/** The add / edit dialog: the person's account, the office, the township and (none = all) its schools. */
export function AssignmentModal({ editor }: { editor: AssignmentEditor }) {
  const { t } = useI18n();
  const { form, editing } = editor;
  const { units } = useOrgUnits();
  const township = Form.useWatch('township', form);
  const townships = useMemo(() => units.filter((u) => u.kind === 'township'), [units]);
  const schools = useMemo(() => units.filter((u) => u.kind === 'school' && u.parentCode === township), [units, township]);

  return (
    <Modal
      title={editing === 'new' ? t('visits.add') : t('visits.edit')}
      open={editing !== null}
      onCancel={editor.close}
      onOk={() => form.submit()}
      confirmLoading={editor.busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnClose
    >
      <Form form={form} layout="vertical" onFinish={editor.save} data-testid="visit-form">
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
  );
}

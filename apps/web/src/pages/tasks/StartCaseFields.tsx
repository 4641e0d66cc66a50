import type { Student } from '@kcbx/api-contract';
import { useEffect, useMemo } from 'react';
import { Form, type FormInstance } from 'antd';
import { useAuth } from '../../auth/auth';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/i18n';
import { buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { StudentPicker } from '../students/StudentPicker';

export interface StartCaseValues {
  studentId?: string;
  orgUnit?: string;
}

/** The unit code of a student's school: the last code of its org path (/640422/640422100/64042210001/). */
export function schoolCode(s: Student): string | undefined {
  return s.schoolPath.split('/').filter(Boolean).pop();
}

/**
 * Who a new case is about and which unit handles it: the user's own unit first, the student's school once one is
 * picked. A procedure about a student (the server says so) cannot start without one; others may.
 */
export function StartCaseFields({ form, studentRequired }: { form: FormInstance<StartCaseValues>; studentRequired: boolean }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { units } = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units), [units]);

  useEffect(() => {
    const own = me?.roles[0]?.orgUnit.code;
    if (own && !form.getFieldValue('orgUnit')) form.setFieldValue('orgUnit', own);
  }, [me, form]);

  return (
    <Form form={form} layout="vertical">
      <Form.Item
        name="studentId"
        label={t('tasks.start.student')}
        extra={t('tasks.start.studentHint')}
        rules={studentRequired ? [{ required: true, message: t('tasks.start.studentRequired') }] : []}
        data-testid="start-student"
      >
        <StudentPicker
          placeholder={t('tasks.start.studentPlaceholder')}
          onChange={(id, student) => {
            form.setFieldValue('studentId', id);
            const code = student && schoolCode(student);
            if (code) form.setFieldValue('orgUnit', code);
          }}
        />
      </Form.Item>
      <Form.Item
        name="orgUnit"
        label={t('tasks.start.unit')}
        extra={t('tasks.start.unitHint')}
        rules={[{ required: true, message: t('tasks.start.unitRequired') }]}
      >
        <UnitTreeSelect treeData={tree} showSearch treeNodeFilterProp="title" data-testid="start-unit" />
      </Form.Item>
    </Form>
  );
}

import type { VisitAssignment } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Form } from 'antd';
import { ApiError } from '../../api/errors';
import { fieldProblems } from '../../components/forms/ServerErrors';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { visitsApi } from './visitsApi';

export interface AssignmentFields {
  username: string;
  office?: string;
  township: string;
  schools?: string[];
}

/** Adding or editing one assignment: which one is open, its form, and saving it (refusals go to their fields). */
export function useAssignmentEditor(onSaved: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [editing, setEditing] = useState<VisitAssignment | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<AssignmentFields>();

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

  const save = async (v: AssignmentFields) => {
    setBusy(true);
    try {
      const input = { username: v.username.trim(), office: v.office?.trim() || undefined, township: v.township, schools: v.schools ?? [] };
      if (editing === 'new') await visitsApi.create(input);
      else if (editing) await visitsApi.update(editing.id, input);
      void message.success(t('common.saved'));
      setEditing(null);
      onSaved();
    } catch (e) {
      const fields = e instanceof ApiError && e.status === 400 ? fieldProblems(e.details) : [];
      if (fields.length) form.setFields(fields.map((p) => ({ name: (p.field ?? '') as keyof AssignmentFields, errors: [p.message] })));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return { form, editing, busy, open, close: () => setEditing(null), save };
}

export type AssignmentEditor = ReturnType<typeof useAssignmentEditor>;

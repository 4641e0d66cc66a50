import type { ReconciliationDifference } from '@kcbx/api-contract';
import { useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { reportsApi } from './reportsApi';

/** Explaining one difference: which one is open, the note being written, and saving it (a refused note says why). */
export function useExplanation(onSaved: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [explaining, setExplaining] = useState<ReconciliationDifference | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const open = (d: ReconciliationDifference) => {
    setExplaining(d);
    setNote('');
    setNoteError(null);
  };

  const save = async () => {
    if (!explaining) return;
    setSaving(true);
    setNoteError(null);
    try {
      await reportsApi.explain(explaining.key, note);
      void message.success(t('common.saved'));
      setExplaining(null);
      onSaved();
    } catch (e) {
      const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as { field: string; message: string }[]) : [];
      if (details.length) setNoteError(details.map((d) => d.message).join('；'));
      else showError(e);
    } finally {
      setSaving(false);
    }
  };

  return { explaining, note, setNote, noteError, saving, open, close: () => setExplaining(null), save };
}

export type Explanation = ReturnType<typeof useExplanation>;

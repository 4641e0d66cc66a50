import type { DefinitionProblem } from '@kcbx/api-contract';
import { useState } from 'react';
import { App } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { ApiError } from '../../../api/errors';
import { useI18n } from '../../../i18n/i18n';
import { useShowError } from '../../../util/useShowError';
import { formsApi } from '../formsApi';
import type { Origin } from '../useFormLoader';

interface Editing {
  key: string;
  definition: FormDefinition;
  setDefinition(d: FormDefinition): void;
  setOrigin(o: Origin): void;
  setDirty(dirty: boolean): void;
  reloadVersions(): Promise<unknown>;
  reload(): Promise<unknown>;
  /** A refused publish: the problems to show at the fields. */
  onRefused(problems: DefinitionProblem[]): void;
  /** Opened from an import or the new-form dialog (router state): discarding reloads by dropping that state. */
  leaveEntry?: () => void;
}

/** Save draft, publish and discard, with the button that is busy and the toasts that say what happened. */
export function useBuilderActions(e: Editing) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);

  const save = async () => {
    setBusy('save');
    try {
      await formsApi.saveDraft(e.key, e.definition);
      e.setDirty(false);
      e.setOrigin('draft');
      void message.success(t('forms.builder.saved'));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      const res = await formsApi.publish(e.key, e.definition);
      e.setDirty(false);
      e.onRefused([]);
      e.setOrigin('published');
      e.setDefinition({ ...e.definition, version: res.version });
      void e.reloadVersions();
      void message.success(t(res.isNew ? 'forms.builder.published' : 'forms.builder.unchanged', { version: res.version }));
    } catch (err) {
      // the banner and the fields say it; no toast on top
      if (err instanceof ApiError && err.code === 'FORM_DEFINITION_INVALID' && Array.isArray(err.details))
        e.onRefused(err.details as DefinitionProblem[]);
      else showError(err);
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    try {
      await formsApi.discardDraft(e.key);
      e.setDirty(false);
      if (e.leaveEntry) e.leaveEntry();
      else await e.reload();
    } catch (err) {
      showError(err);
    }
  };

  return { busy, save, publish, discard };
}

import type { FormVersion } from '@kcbx/api-contract';
import { App } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { useI18n } from '../../../i18n/i18n';
import { ImportModal } from './ImportModal';
import { VersionsDrawer } from './VersionsDrawer';

export interface BuilderDialogsProps {
  formKey: string;
  definition: FormDefinition;
  versions: FormVersion[];
  open: 'versions' | 'import' | null;
  onClose(): void;
  /** A published version or an imported definition replaces the one being edited. */
  onReplace(definition: FormDefinition): void;
}

/** The versions drawer (list, compare, load a version) and the import dialog of the builder. */
export function BuilderDialogs({ formKey, definition, versions, open, onClose, onReplace }: BuilderDialogsProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <>
      <VersionsDrawer
        open={open === 'versions'}
        formKey={formKey}
        current={definition}
        versions={versions}
        onClose={onClose}
        onLoad={(d) => {
          onClose();
          onReplace(d);
          void message.info(t('forms.versions.loaded', { version: d.version }));
        }}
      />
      <ImportModal
        open={open === 'import'}
        fixedKey={formKey}
        title={typeof definition.title === 'string' ? { zh: definition.title, en: definition.title } : definition.title}
        onClose={onClose}
        onImported={(d) => {
          onClose();
          onReplace(d);
        }}
      />
    </>
  );
}

import type { InstanceMigrationResult } from '@kcbx/api-contract';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { modelerApi } from './modelerApi';

/**
 * 迁移: asks the server what would move (a dry run), shows that in the confirmation — how many cases move and which
 * steps the new version lacks for the others — then moves them and reports what happened.
 */
export function MigrateButton(props: { from: { id: string; version: number }; to: { id: string; version: number }; onDone: () => void }) {
  const { from, to, onDone } = props;
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const refused = (r: InstanceMigrationResult) =>
    r.refused.length ? (
      <div data-testid="migration-refused">
        <Typography.Paragraph>{t('modeler.version.migrateRefused', { count: r.refused.length, to: r.toVersion })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('modeler.version.migrateMissing', { steps: [...new Set(r.refused.flatMap((x) => x.missingSteps))].join('、') })}
        </Typography.Paragraph>
      </div>
    ) : null;

  const migrate = async () => {
    setBusy(true);
    try {
      const preview = await modelerApi.migrate(from.id, to.id, true);
      modal.confirm({
        title: t('modeler.version.migrateConfirm', { count: preview.migrated, from: from.version, to: to.version }),
        content: (
          <>
            <Typography.Paragraph>{t('modeler.version.migrateHelp', { from: from.version, to: to.version })}</Typography.Paragraph>
            {refused(preview)}
          </>
        ),
        okButtonProps: { disabled: preview.migrated === 0 },
        onOk: async () => {
          try {
            const done = await modelerApi.migrate(from.id, to.id);
            modal.info({ title: t('modeler.version.migrated', { count: done.migrated, to: done.toVersion }), content: refused(done) });
            onDone();
          } catch (err) {
            showError(err);
          }
        },
      });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button size="small" loading={busy} onClick={migrate} data-testid={`migrate-v${from.version}`}>
      {t('modeler.version.migrate', { version: to.version })}
    </Button>
  );
}

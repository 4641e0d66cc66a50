import { diffLines } from 'diff';
import { Space, Tag, Typography } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { fieldChanges } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

/** Two versions side by side as a line diff of their JSON, with the changed fields named first. */
export function VersionDiff({ before, after }: { before: FormDefinition; after: FormDefinition }) {
  const { t } = useI18n();
  const changes = fieldChanges(before, after);
  const parts = diffLines(JSON.stringify(before, null, 2) + '\n', JSON.stringify(after, null, 2) + '\n');
  const none = changes.added.length + changes.removed.length + changes.changed.length === 0;
  return (
    <div data-testid="version-diff">
      <Space wrap style={{ marginBottom: 8 }} data-testid="diff-summary">
        {none && <Typography.Text type="secondary">{t('forms.diff.noFieldChanges')}</Typography.Text>}
        {changes.added.map((f) => (
          <Tag color="green" key={`a${f}`}>
            {t('forms.diff.added', { field: f })}
          </Tag>
        ))}
        {changes.removed.map((f) => (
          <Tag color="red" key={`r${f}`}>
            {t('forms.diff.removed', { field: f })}
          </Tag>
        ))}
        {changes.changed.map((f) => (
          <Tag color="gold" key={`c${f}`}>
            {t('forms.diff.changed', { field: f })}
          </Tag>
        ))}
      </Space>
      <pre
        data-testid="diff-lines"
        style={{ fontSize: 12, background: '#fafafa', padding: 8, maxHeight: 460, overflow: 'auto', margin: 0 }}
      >
        {parts.map((p, i) => {
          const lines = p.value.replace(/\n$/, '').split('\n');
          // unchanged runs are shortened to their first and last lines
          const shown = !p.added && !p.removed && lines.length > 6 ? [...lines.slice(0, 2), '  …', ...lines.slice(-2)] : lines;
          return shown.map((line, j) => (
            <div
              key={`${i}-${j}`}
              className={p.added ? 'diff-added' : p.removed ? 'diff-removed' : undefined}
              style={{
                background: p.added ? '#f6ffed' : p.removed ? '#fff1f0' : undefined,
                color: p.added ? '#389e0d' : p.removed ? '#cf1322' : '#595959',
              }}
            >
              {p.added ? '+ ' : p.removed ? '- ' : '  '}
              {line}
            </div>
          ));
        })}
      </pre>
    </div>
  );
}

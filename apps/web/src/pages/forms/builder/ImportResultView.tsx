import { Table, Typography } from 'antd';
import type { ImportResult } from '@kcbx/forms';
import { useI18n } from '../../../i18n/i18n';

/** What an import gave: how many fields, and each part of the source that had no equivalent, with its reason. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-result">
      <Typography.Paragraph>
        {t('forms.import.summary', {
          fields: Object.keys(result.definition.schema.properties ?? {}).length,
          unmapped: result.unmapped.length,
        })}
      </Typography.Paragraph>
      {result.unmapped.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.path}:${r.reason}`}
          pagination={false}
          scroll={{ y: 200 }}
          dataSource={result.unmapped}
          columns={[
            { title: t('forms.import.path'), dataIndex: 'path', width: 220 },
            { title: t('forms.import.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </div>
  );
}

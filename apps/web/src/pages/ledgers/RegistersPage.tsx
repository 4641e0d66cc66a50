import { REGISTER_SOURCES, type RegisterImport } from '@kcbx/api-contract';
import { Col, Row, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ComparisonPanel } from './ComparisonPanel';
import { ImportHistory } from './ImportHistory';
import { ledgersApi } from './ledgersApi';
import { RegisterImportCard } from './RegisterImportCard';

const NO_IMPORTS: RegisterImport[] = [];

/** The four registers imported side by side, the record of every import, and the comparison that feeds the ledgers. */
export default function RegistersPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const { data: imports = NO_IMPORTS, loading, reload } = useLoad(() => ledgersApi.imports(), [], showError);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle>{t('shell.menu.registers')}</PageTitle>
      <Row gutter={[16, 16]}>
        {REGISTER_SOURCES.map((s) => (
          <Col key={s} xs={24} xl={12}>
            <RegisterImportCard source={s} onImported={reload} />
          </Col>
        ))}
      </Row>
      <ComparisonPanel />
      <div>
        <Typography.Title level={5}>{t('ledgers.registers.history')}</Typography.Title>
        <ImportHistory imports={imports} loading={loading} />
      </div>
    </Space>
  );
}

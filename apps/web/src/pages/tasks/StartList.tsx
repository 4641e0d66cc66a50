import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { startableProcedures } from './useStartSetup';

/** Cards of the procedures the user may start. */
export function StartList() {
  const { t, formatDate } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const { data, error } = useLoad(startableProcedures, [], showError);
  // A failed list shows as an empty one (the error was shown).
  const items = data ?? (error ? [] : null);

  return (
    <>
      <PageTitle>{t('tasks.start.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('tasks.start.intro')}</Typography.Paragraph>
      {items === null ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('tasks.start.none')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="start-list">
          {items.map((d) => (
            <Col key={d.key} xs={24} md={12} xl={8}>
              <Card
                hoverable
                onClick={() => navigate(`/start/${encodeURIComponent(d.key)}`)}
                data-testid={`start-card-${d.key}`}
                actions={[
                  <span key="start">
                    <PlayCircleOutlined /> {t('tasks.start.open')}
                  </span>,
                ]}
              >
                <Card.Meta
                  title={d.name ?? d.key}
                  description={
                    <>
                      {d.key} · {t('tasks.start.version', { version: d.version })}
                      {d.deployedAt ? ` · ${formatDate(d.deployedAt)}` : ''}
                    </>
                  }
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

import type { ProcessDefinition } from '@kcbx/api-contract';
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';

/** Cards of the procedures the user may start. */
export function StartList() {
  const { t, formatDate } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [items, setItems] = useState<ProcessDefinition[] | null>(null);

  useEffect(() => {
    workflowApi
      .startable()
      // Older servers have no "startable" list: every deployed procedure is offered, the start call checks.
      .catch((e) => (e instanceof ApiError && e.status === 404 ? workflowApi.definitions() : Promise.reject(e)))
      .then(setItems)
      .catch((e) => {
        setItems([]);
        showError(e);
      });
  }, [showError]);

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

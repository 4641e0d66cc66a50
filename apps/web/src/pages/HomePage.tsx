import { inboxCountLabel } from '@kcbx/api-contract';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/endpoints';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { kindLabel, permissionLabel } from '../i18n/labels';
import { roleName } from '../shell/roleText';
import { useLoad } from '../util/useLoad';

/** What is waiting for me: every role's home page opens with its work, a teacher's included. */
function WorkSummary() {
  const { t } = useI18n();
  const navigate = useNavigate();
  // One row is enough: the counts come with every page of the inbox. Without an answer the card stays away.
  const { data: inbox } = useLoad(() => api.inbox({ scope: 'all' }, 1, 1), []);
  if (!inbox) return null;
  // a county-wide office's counts stop at the cap (INBOX_COUNT_CAP): "99+", as on the inbox's tabs
  const waiting = inbox.total;

  return (
    <Card size="small" title={t('home.work')} style={{ marginBottom: 16 }} data-testid="home-work">
      <Typography.Paragraph>
        {waiting ? t('home.workWaiting', { count: inboxCountLabel(waiting) }) : t('home.workNone')}
      </Typography.Paragraph>
      <Row gutter={[16, 8]}>
        <Col xs={8}>
          <Statistic title={t('inbox.mine')} value={inboxCountLabel(inbox.counts.mine)} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('inbox.candidate')} value={inboxCountLabel(inbox.counts.candidate)} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('inbox.overdue')}
            value={inboxCountLabel(inbox.counts.overdue)}
            valueStyle={inbox.counts.overdue ? { color: '#cf1322' } : undefined}
          />
        </Col>
      </Row>
      <Button type="primary" style={{ marginTop: 12 }} onClick={() => navigate('/inbox')}>
        {t('home.openInbox')}
      </Button>
    </Card>
  );
}

/** Who you are here: roles, the units they sit at, and what that lets you do. No placeholder features. */
export function HomePage() {
  const { me, can } = useAuth();
  const { t, lang } = useI18n();
  if (!me) return null;
  const rows = me.roles.map((r, i) => ({ key: i, role: roleName(r.role, lang), unit: r.orgUnit.name, kind: kindLabel(t, r.orgUnit.kind) }));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.tenant', { name: me.tenant.name })}</Typography.Paragraph>
      <WorkSummary />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('home.roles')} size="small">
            {rows.length ? (
              <Table
                size="small"
                pagination={false}
                dataSource={rows}
                data-testid="home-roles"
                columns={[
                  { title: t('home.role'), dataIndex: 'role' },
                  { title: t('home.unit'), dataIndex: 'unit' },
                  { title: t('home.kind'), dataIndex: 'kind' },
                ]}
              />
            ) : (
              <Empty description={t('home.noRoles')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {/* Extra permissions only when there are some: "我的权限：无" told a teacher nothing about the work. */}
          {me.permissions.length > 0 && (
            <Card title={t('home.permissions')} size="small" style={{ marginBottom: 16 }}>
              {me.permissions.map((p) => (
                <Tag key={p}>{permissionLabel(t, p)}</Tag>
              ))}
            </Card>
          )}
          <Card title={t('home.about')} size="small">
            <Typography.Paragraph>{t('home.aboutText')}</Typography.Paragraph>
            {can('admin') && <Alert type="info" showIcon message={t('home.adminHint')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

import { Alert, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { kindLabel, permissionLabel } from '../i18n/labels';
import { roleName } from '../shell/roleText';

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
          <Card title={t('home.permissions')} size="small" style={{ marginBottom: 16 }}>
            {me.permissions.length ? me.permissions.map((p) => <Tag key={p}>{permissionLabel(t, p)}</Tag>) : t('common.none')}
          </Card>
          <Card title={t('home.about')} size="small">
            <Typography.Paragraph>{t('home.aboutText')}</Typography.Paragraph>
            {can('admin') && <Alert type="info" showIcon message={t('home.adminHint')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

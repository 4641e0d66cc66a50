import type { Me } from '@kcbx/api-contract';
import { Tag, theme, Tooltip, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n';
import { roleNames, unitNames } from './roleText';

/** Who is signed in: the name, and from a desk also the roles and the units (cut with … when long). */
export function HeaderUser({ me, desk }: { me: Me; desk: boolean }) {
  const { lang } = useI18n();
  const units = unitNames(me);
  const { token } = theme.useToken();
  return (
    <div className="kcbx-header-user" data-testid="header-user">
      <UserOutlined style={{ fontSize: 18, color: '#1d5fa8', flex: 'none' }} />
      <div className="kcbx-header-user-text">
        <div className="kcbx-nowrap">
          {/* antd's strong Text as it looks, without Typography's style generation on every page's first render */}
          <span style={{ color: token.colorText, lineHeight: token.lineHeight, wordBreak: 'break-word' }} data-testid="header-display-name">
            <strong style={{ fontWeight: token.fontWeightStrong }}>{me.displayName}</strong>
          </span>
          {desk &&
            roleNames(me, lang).map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                {r}
              </Tag>
            ))}
        </div>
        {desk && (
          <Tooltip title={units.join('、')}>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420, fontSize: 12 }} data-testid="header-units">
              {units.join('、') || me.tenant.name}
            </Typography.Text>
          </Tooltip>
        )}
      </div>
    </div>
  );
}

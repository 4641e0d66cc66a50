import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n';

/**
 * Shows the language you can switch TO, in that language (English / 中文). `compact` (phone header): the
 * icon and a short label (EN / 中), so the user's name keeps its room.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={compact ? undefined : <GlobalOutlined />}
      title={t('lang.switchTitle')}
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
      style={compact ? { minWidth: 40, height: 40, paddingInline: 6 } : undefined}
    >
      {compact ? (lang === 'en' ? '中' : 'EN') : t('lang.switch')}
    </Button>
  );
}

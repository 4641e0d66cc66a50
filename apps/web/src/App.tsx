import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth/auth';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppRoutes } from './shell/AppRoutes';
import { THEME } from './shell/theme';

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={THEME}
      // antd spaces out two-character Chinese labels (登 录); staff read and search for the plain word.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}

import { ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth/auth';
import { antdLocale } from './i18n/dictionaries';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppRoutes } from './shell/AppRoutes';
import { startSignedInDownloads } from './shell/lazyPages';
import { THEME } from './shell/theme';

startSignedInDownloads(window.location.pathname);

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocale(lang)}
      theme={THEME}
      // antd spaces out two-character Chinese labels (登 录); staff read and search for the plain word.
      button={{ autoInsertSpace: false }}
    >
      {/* antd's App (message, notification, modal) comes with the signed-in shell: shell/SignedInApp.tsx */}
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
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

import { useCallback } from 'react';
import { App } from 'antd';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** Shows an API failure the way the API worded it (already in the user's language). */
export function useShowError() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) return; // the shell sends the user to the login page
      void message.error(e instanceof ApiError && !e.isNetwork ? e.message : t('common.networkError'));
    },
    [message, t],
  );
}

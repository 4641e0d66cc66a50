import { useMemo, useRef } from 'react';
import { Button, Card, Form, Result, Skeleton, Typography } from 'antd';
import { FormRenderer } from '@kcbx/form-renderer';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/auth';
import { apiRegionSource, attachmentUploader, readSheet } from '../../components/forms/formServices';
import { ServerErrors } from '../../components/forms/ServerErrors';
import { noEnterSubmit } from '../../components/forms/noEnterSubmit';
import { submitInnerForm } from '../../components/forms/submitInnerForm';
import { useServerFieldErrors } from '../../components/forms/useServerFieldErrors';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { StartCaseFields, type StartCaseValues } from './StartCaseFields';
import { useStartCase } from './useStartCase';
import { useStartSetup } from './useStartSetup';

/** Starts one procedure: its start form (if any), the student it is about and the unit that handles it. */
export function StartProcedure({ processKey }: { processKey: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { setup, missing } = useStartSetup(processKey);
  const [form] = Form.useForm<StartCaseValues>();
  const { start, busy, problems } = useStartCase(processKey, setup?.definition?.name ?? processKey, form);
  const box = useRef<HTMLDivElement>(null);
  // Files of a start form are filed under the user's own unit (the case's unit is not chosen yet when picking).
  const uploadFile = useMemo(() => attachmentUploader(me?.roles[0]?.orgUnit.code), [me]);
  useServerFieldErrors(box, problems);

  if (missing) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('tasks.start.notFound')}
        extra={<Button onClick={() => navigate('/start')}>{t('tasks.start.back')}</Button>}
      />
    );
  }
  if (!setup) return <Skeleton active />;

  return (
    <>
      <PageTitle>{setup.definition?.name ?? processKey}</PageTitle>
      <Card size="small" style={{ maxWidth: 860 }}>
        <StartCaseFields form={form} studentRequired={!!(setup.definition?.requiresStudent || setup.definition?.subject === 'student')} />
        <ServerErrors title={t('tasks.fieldErrors')} problems={problems} />
        {setup.startForm && (
          <>
            <Typography.Title level={5}>{t('tasks.start.startForm')}</Typography.Title>
            <div ref={box} className="kcbx-own-submit" data-testid="start-form" onKeyDown={noEnterSubmit}>
              <FormRenderer
                definition={setup.startForm}
                mode="edit"
                locale={lang}
                onSubmit={(data) => start(data).catch(() => undefined)}
                regionSource={apiRegionSource}
                upload={uploadFile}
                readSheet={readSheet}
              />
            </div>
          </>
        )}
        <Button
          type="primary"
          loading={busy}
          onClick={() => submitInnerForm(box.current, () => void start().catch(() => undefined))}
          data-testid="start-submit"
        >
          {t('tasks.start.submit')}
        </Button>
      </Card>
    </>
  );
}

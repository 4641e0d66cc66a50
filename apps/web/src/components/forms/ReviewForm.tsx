import { Alert, Skeleton } from 'antd';
import { FormRenderer } from '@kcbx/form-renderer';
import { useI18n } from '../../i18n/i18n';
import { apiRegionSource } from './formServices';
import { useFormDefinition } from './useFormDefinition';

export interface ReviewFormProps {
  formKey: string;
  formVersion: number;
  data: Record<string, unknown>;
  /** 'print' lays the form out as an A4 archive sheet. */
  mode?: 'review' | 'print';
  /** Shown when the form version can no longer be loaded. */
  unavailableText: string;
}

/** A submitted form, read-only, drawn with the exact form version it was filled in. */
export function ReviewForm({ formKey, formVersion, data, mode = 'review', unavailableText }: ReviewFormProps) {
  const { lang } = useI18n();
  const { definition, failed } = useFormDefinition(formKey, formVersion);
  if (failed) return <Alert type="warning" showIcon message={unavailableText} />;
  if (!definition) return <Skeleton active paragraph={{ rows: 2 }} />;
  return <FormRenderer definition={definition} data={data} mode={mode} locale={lang} regionSource={apiRegionSource} />;
}

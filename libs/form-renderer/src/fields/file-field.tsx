import { Button, Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import type { StoredFile } from '@kcbx/forms';
import { t, useFormEnv } from '../form-context';
import { acceptAttribute, uploadRefusal } from '../upload-limits';
import { useField } from './use-field';

/** Uploads through the host's `upload` function; size and type limits come from the schema's fileUpload. */
export function FileField({ name, schema, multiple, readonly }: { name: string; schema: any; multiple: boolean; readonly: boolean }) {
  const { upload, locale } = useFormEnv();
  const f = useField(name, readonly);
  const limits = multiple ? schema.items?.fileUpload : schema.fileUpload;
  const files: StoredFile[] = multiple ? (f.value ?? []) : f.value ? [f.value] : [];
  const fileList: UploadFile[] = files.map((file) => ({ uid: file.id, name: file.name, status: 'done', size: file.size, type: file.type }));
  return (
    <Upload
      accept={acceptAttribute(limits)}
      multiple={multiple}
      disabled={f.disabled || !upload}
      fileList={fileList}
      beforeUpload={(file) => {
        const refusal = uploadRefusal(limits, file, locale);
        if (refusal) {
          void message.error(refusal);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload!(file as File)
          .then((stored) => {
            f.onChange(multiple ? [...files, stored] : stored);
            onSuccess?.(stored);
          })
          .catch((e: Error) => {
            void message.error(e.message);
            onError?.(e);
          });
      }}
      onRemove={(removed) => {
        const rest = files.filter((file) => file.id !== removed.uid);
        f.onChange(multiple ? (rest.length ? rest : undefined) : undefined);
      }}
    >
      {!f.disabled && <Button>{t(locale, '选择文件', 'Choose file')}</Button>}
    </Upload>
  );
}

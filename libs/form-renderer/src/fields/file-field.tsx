import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { schemaObject, type JsonSchemaObject, type StoredFile } from '@kcbx/forms';
import { t, useFormEnv } from '../form-context';
import { acceptAttribute, uploadRefusal } from '../upload-limits';
import { listValue } from './field-value';
import { useField } from './use-field';

/**
 * Uploads through the host's `upload` function; size and type limits come from the schema's fileUpload.
 * A refused or failed file is explained under the field (antd's global message toast needs an <App> host
 * around the renderer to show at all).
 */
export function FileField({
  name,
  schema,
  multiple,
  readonly,
}: {
  name: string;
  schema: JsonSchemaObject;
  multiple: boolean;
  readonly: boolean;
}) {
  const { upload, locale } = useFormEnv();
  const f = useField(name, readonly);
  const [problem, setProblem] = useState<string>();
  const { getValues } = useFormContext();
  const limits = multiple ? schemaObject(schema.items)?.fileUpload : schema.fileUpload;
  // the fileUpload keyword checks each file's shape on submit; here they are shown as stored
  const files = (multiple ? listValue(f.value) : f.value ? [f.value] : []) as StoredFile[];
  const fileList: UploadFile[] = files.map((file) => ({ uid: file.id, name: file.name, status: 'done', size: file.size, type: file.type }));
  return (
    <>
      <Upload
        accept={acceptAttribute(limits)}
        multiple={multiple}
        disabled={f.disabled || !upload}
        fileList={fileList}
        beforeUpload={(file) => {
          const refusal = uploadRefusal(limits, file, locale);
          setProblem(refusal ?? undefined);
          return refusal ? Upload.LIST_IGNORE : true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload!(file as File)
            .then((stored) => {
              // Read the list now, not at render: several files picked at once finish one after another.
              f.onChange(multiple ? [...((getValues(name) as StoredFile[] | undefined) ?? []), stored] : stored);
              onSuccess?.(stored);
            })
            .catch((e: Error) => {
              setProblem(e.message);
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
      {problem && (
        <div className="kcbx-upload-problem" role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {problem}
        </div>
      )}
    </>
  );
}

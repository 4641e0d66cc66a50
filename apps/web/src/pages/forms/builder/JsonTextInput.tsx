import { Button, Input, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/i18n';

/** The source to import: pasted, or read from a .json file into the same box. */
export function JsonTextInput({ value, onChange }: { value: string; onChange(text: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <Upload
        accept=".json"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then(onChange);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />}>
          {t('forms.import.file')}
        </Button>
      </Upload>
      <Input.TextArea
        data-testid="import-text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 14 }}
        style={{ fontFamily: 'monospace', fontSize: 12, marginTop: 6 }}
      />
    </>
  );
}

import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChoiceOption } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

/** The choices of a select, radio or checkbox field: stored value and its caption in both languages. */
export function OptionsEditor({ options, onChange }: { options: ChoiceOption[]; onChange(options: ChoiceOption[]): void }) {
  const { t } = useI18n();
  const set = (i: number, next: ChoiceOption) => onChange(options.map((x, j) => (j === i ? next : x)));
  const add = () => {
    const n = options.length + 1;
    onChange([...options, { value: `option${n}`, label: { zh: `选项${n}`, en: `Option ${n}` } }]);
  };
  return (
    <>
      {options.map((o, i) => (
        <Space key={i} size={4} style={{ marginBottom: 4 }} data-testid={`option-${i}`}>
          <Input
            style={{ width: 80 }}
            placeholder={t('forms.props.optionValue')}
            aria-label={t('forms.props.optionValue')}
            value={o.value}
            onChange={(e) => set(i, { ...o, value: e.target.value })}
          />
          <Input
            style={{ width: 90 }}
            placeholder={t('forms.props.optionZh')}
            aria-label={t('forms.props.optionZh')}
            value={o.label.zh}
            onChange={(e) => set(i, { ...o, label: { ...o.label, zh: e.target.value } })}
          />
          <Input
            style={{ width: 90 }}
            placeholder={t('forms.props.optionEn')}
            aria-label={t('forms.props.optionEn')}
            value={o.label.en}
            onChange={(e) => set(i, { ...o, label: { ...o.label, en: e.target.value } })}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('forms.props.optionRemove')}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={add}>
        {t('forms.props.optionAdd')}
      </Button>
    </>
  );
}

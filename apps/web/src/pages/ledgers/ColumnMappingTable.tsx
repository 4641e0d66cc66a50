import { type ColumnMapping, REGISTER_FIELDS, type RegisterField, type RegisterSource } from '@kcbx/api-contract';
import { Select, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { fieldLabel } from './labels';

/** The fields a register must map before it can be checked or imported. */
export const REQUIRED_FIELDS: RegisterField[] = ['name', 'idNumber'];

export interface ColumnMappingTableProps {
  source: RegisterSource;
  /** the columns of their file */
  headers: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** Our fields, each with the column of their file it is read from (required ones starred). */
export function ColumnMappingTable({ source, headers, mapping, onChange }: ColumnMappingTableProps) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      data-testid={`register-${source}-mapping`}
      dataSource={REGISTER_FIELDS.map((field) => ({ field }))}
      columns={[
        {
          title: t('ledgers.registers.ourField'),
          dataIndex: 'field',
          width: 160,
          render: (f: RegisterField) => (
            <>
              {t(fieldLabel(f))}
              {REQUIRED_FIELDS.includes(f) && <Typography.Text type="danger"> *</Typography.Text>}
            </>
          ),
        },
        {
          title: t('ledgers.registers.theirColumn'),
          dataIndex: 'field',
          render: (f: RegisterField) => (
            <Select
              style={{ width: 240 }}
              size="small"
              allowClear
              placeholder={t('ledgers.registers.notMapped')}
              value={mapping[f]}
              options={headers.map((h) => ({ value: h, label: h }))}
              onChange={(v?: string) => onChange({ ...mapping, [f]: v || undefined })}
              data-testid={`register-${source}-map-${f}`}
            />
          ),
        },
      ]}
    />
  );
}

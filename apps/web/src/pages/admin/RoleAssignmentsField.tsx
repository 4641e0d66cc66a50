import type { Role } from '@kcbx/api-contract';
import { Button, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/i18n';
import { roleName } from '../../shell/roleText';
import type { OrgTreeNode } from '../../util/orgTree';

/** Form list of "role at org unit" rows; the unit is picked from the org tree. Field name: roles. */
export function RoleAssignmentsField({ roles, tree }: { roles: Role[]; tree: OrgTreeNode[] }) {
  const { t, lang } = useI18n();
  const roleOptions = roles.map((r) => ({ value: r.key, label: `${roleName(r, lang)}（${r.key}）` }));
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <div data-testid="role-assignments">
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('users.pickRole') }]}>
                <Select
                  options={roleOptions}
                  placeholder={t('users.pickRole')}
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 220 }}
                  data-testid="assignment-role"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'orgUnit']} rules={[{ required: true, message: t('users.pickUnit') }]}>
                <UnitTreeSelect
                  treeData={tree}
                  placeholder={t('users.pickUnit')}
                  showSearch
                  treeNodeFilterProp="title"
                  popupMatchSelectWidth={false}
                  style={{ width: 300 }}
                  data-testid="assignment-unit"
                />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} title={t('users.remove')} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="assignment-add">
            {t('users.addAssignment')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

import type { FormDefinition } from '@kcbx/forms';

/**
 * Forms the renderer's browser tests mount: one with every field kind, rules and layouts; one split into
 * tabs and one into a stepper. Written the way a county's designer writes them (JSON Schema + UI schema).
 */
const SEX = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } };

export const allKinds: FormDefinition = {
  key: 'harness-all-kinds',
  version: 1,
  title: { zh: '学生情况登记表', en: 'Student record' },
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: '姓名', minLength: 2, maxLength: 30 },
      note: { type: 'string', title: '情况说明' },
      age: { type: 'integer', title: '年龄', minimum: 3, maximum: 20 },
      distance: { type: 'number', title: '离校距离（公里）', minimum: 0 },
      returnedOn: { type: 'string', title: '返校日期', format: 'date' },
      leave: { type: 'array', title: '请假期间', dateRange: true, items: { type: 'string', format: 'date' }, minItems: 2, maxItems: 2 },
      grade: { type: 'string', title: '年级', enum: ['一年级', '二年级', '三年级', '七年级'] },
      residentId: { type: 'string', title: '身份证号', format: 'resident-id' },
      birthDate: { type: 'string', title: '出生日期', format: 'date' },
      sex: { type: 'string', title: '性别', enum: ['male', 'female'] },
      needs: { type: 'array', title: '帮扶需求', uniqueItems: true, items: { type: 'string', enum: ['资助', '送教上门', '心理辅导'] } },
      boarding: { type: 'boolean', title: '住校' },
      dorm: { type: 'string', title: '宿舍号' },
      followUp: { type: 'string', title: '跟进措施' },
      phone: { type: 'string', title: '联系电话', format: 'mobile-cn' },
      region: { type: 'string', title: '户籍地', format: 'region-code' },
      reason: { type: 'string', title: '辍学原因', enum: ['study', 'family', 'other'] },
      otherReason: { type: 'string', title: '其他原因说明', minLength: 2 },
      poor: { type: 'boolean', title: '建档立卡户' },
      subsidyNo: { type: 'string', title: '资助编号' },
      attachment: { type: 'object', title: '证明材料', fileUpload: { maxBytes: 1048576, accept: ['image/*', '.pdf'] } },
      signature: { type: 'string', title: '家长签名', format: 'data-url' },
      address: {
        type: 'object',
        title: '家庭住址',
        properties: { village: { type: 'string', title: '村' }, group: { type: 'string', title: '组' } },
      },
      guardians: {
        type: 'array',
        title: '监护人',
        items: {
          type: 'object',
          required: ['name', 'phone'],
          properties: {
            name: { type: 'string', title: '监护人姓名', minLength: 2 },
            relation: { type: 'string', title: '关系', enum: ['father', 'mother', 'other'] },
            phone: { type: 'string', title: '联系电话', format: 'mobile-cn' },
          },
        },
      },
    },
    if: { properties: { reason: { const: 'other' } }, required: ['reason'] },
    then: { required: ['otherReason'] },
  },
  uiSchema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Group',
        label: { zh: '基本信息', en: 'Basic' },
        elements: [
          {
            type: 'HorizontalLayout',
            elements: [
              { type: 'Control', scope: '#/properties/name' },
              { type: 'Control', scope: '#/properties/residentId' },
            ],
          },
          {
            type: 'HorizontalLayout',
            elements: [
              { type: 'Control', scope: '#/properties/birthDate' },
              { type: 'Control', scope: '#/properties/sex', options: { format: 'radio', labels: SEX } },
              { type: 'Control', scope: '#/properties/age' },
            ],
          },
          { type: 'Control', scope: '#/properties/grade' },
          { type: 'Control', scope: '#/properties/region', options: { widget: 'region' } },
          { type: 'Control', scope: '#/properties/phone' },
        ],
      },
      { type: 'Control', scope: '#/properties/note', options: { multi: true } },
      { type: 'Control', scope: '#/properties/distance' },
      { type: 'Control', scope: '#/properties/returnedOn' },
      { type: 'Control', scope: '#/properties/leave' },
      { type: 'Control', scope: '#/properties/needs' },
      { type: 'Control', scope: '#/properties/boarding', options: { toggle: true } },
      {
        type: 'Control',
        scope: '#/properties/dorm',
        rule: { effect: 'ENABLE', condition: { scope: '#/properties/boarding', schema: { const: true } } },
      },
      { type: 'Control', scope: '#/properties/poor' },
      {
        type: 'Control',
        scope: '#/properties/subsidyNo',
        rule: { effect: 'HIDE', condition: { scope: '#/properties/poor', schema: { not: { const: true } } } },
      },
      {
        type: 'Control',
        scope: '#/properties/reason',
        options: { labels: { study: '厌学', family: '家庭原因', other: '其他' } },
      },
      {
        type: 'Control',
        scope: '#/properties/otherReason',
        rule: { effect: 'SHOW', condition: { scope: '#/properties/reason', schema: { const: 'other' } } },
      },
      {
        type: 'Control',
        scope: '#/properties/followUp',
        rule: { effect: 'DISABLE', condition: { scope: '#/properties/reason', schema: { const: 'study' } } },
      },
      { type: 'Control', scope: '#/properties/address' },
      { type: 'Control', scope: '#/properties/guardians' },
      { type: 'Control', scope: '#/properties/attachment', options: { widget: 'file' } },
      { type: 'Control', scope: '#/properties/signature', options: { widget: 'signature' } },
    ],
  },
};

/** Three categories shown as tabs, or (variant "stepper") one step at a time. */
export function categorized(variant?: 'stepper'): FormDefinition {
  return {
    key: variant ? 'harness-stepper' : 'harness-tabs',
    version: 1,
    title: { zh: '控辍保学劝返申请', en: 'Return application' },
    schema: {
      type: 'object',
      required: ['name', 'phone', 'decision'],
      properties: {
        name: { type: 'string', title: '学生姓名', minLength: 2 },
        phone: { type: 'string', title: '家长电话', format: 'mobile-cn' },
        plan: { type: 'string', title: '劝返计划' },
        decision: { type: 'string', title: '审核结论', enum: ['同意', '退回'] },
      },
    },
    uiSchema: {
      type: 'Categorization',
      options: variant ? { variant } : undefined,
      elements: [
        { type: 'Category', label: '学生', elements: [{ type: 'Control', scope: '#/properties/name' }] },
        {
          type: 'Category',
          label: '家庭',
          elements: [
            { type: 'Control', scope: '#/properties/phone' },
            { type: 'Control', scope: '#/properties/plan' },
          ],
        },
        { type: 'Category', label: '审核', elements: [{ type: 'Control', scope: '#/properties/decision' }] },
      ],
    },
  };
}

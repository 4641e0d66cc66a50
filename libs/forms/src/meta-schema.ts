/** JSON Schema of a form definition file (`forms/<key>.form.json`): the definition validates itself. */
export const FORM_DEFINITION_META_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'kcbx form definition',
  type: 'object',
  required: ['key', 'version', 'title', 'schema', 'uiSchema'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    key: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,99}$' },
    version: { type: 'integer', minimum: 1 },
    title: { $ref: '#/$defs/text' },
    description: { $ref: '#/$defs/text' },
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
    uiSchema: { $ref: '#/$defs/element' },
  },
  $defs: {
    text: {
      anyOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          required: ['zh', 'en'],
          additionalProperties: false,
          properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
        },
      ],
    },
    options: { type: 'object' },
    element: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { enum: ['Control', 'VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category', 'Label'] },
      },
      allOf: [
        { if: { properties: { type: { const: 'Control' } } }, then: { $ref: '#/$defs/control' } },
        { if: { properties: { type: { const: 'Label' } } }, then: { $ref: '#/$defs/label' } },
        {
          if: { properties: { type: { enum: ['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category'] } } },
          then: { $ref: '#/$defs/layout' },
        },
        {
          if: { properties: { type: { const: 'Categorization' } } },
          then: { properties: { elements: { items: { properties: { type: { enum: ['Category', 'Categorization'] } } } } } },
        },
      ],
    },
    control: {
      required: ['scope'],
      additionalProperties: false,
      properties: {
        type: true,
        scope: { type: 'string', pattern: '^#(/.+)?$' },
        label: { anyOf: [{ $ref: '#/$defs/text' }, { type: 'boolean' }] },
        description: { $ref: '#/$defs/text' },
        options: { $ref: '#/$defs/options' },
        rule: { $ref: '#/$defs/rule' },
        i18n: { type: 'string' },
      },
    },
    label: {
      required: ['text'],
      additionalProperties: false,
      properties: {
        type: true,
        text: { $ref: '#/$defs/text' },
        rule: { $ref: '#/$defs/rule' },
        options: { $ref: '#/$defs/options' },
        i18n: { type: 'string' },
      },
    },
    layout: {
      required: ['elements'],
      additionalProperties: false,
      properties: {
        type: true,
        elements: { type: 'array', items: { $ref: '#/$defs/element' } },
        label: { anyOf: [{ $ref: '#/$defs/text' }, { type: 'boolean' }] },
        options: { $ref: '#/$defs/options' },
        rule: { $ref: '#/$defs/rule' },
        i18n: { type: 'string' },
      },
    },
    rule: {
      type: 'object',
      required: ['effect', 'condition'],
      additionalProperties: false,
      properties: {
        effect: { enum: ['SHOW', 'HIDE', 'ENABLE', 'DISABLE'] },
        condition: { $ref: '#/$defs/condition' },
      },
    },
    condition: {
      type: 'object',
      anyOf: [
        {
          required: ['scope'],
          properties: {
            type: false,
            scope: { type: 'string', pattern: '^#(/.+)?$' },
            schema: { type: ['object', 'boolean'] },
            failWhenUndefined: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        {
          required: ['type', 'scope'],
          properties: { type: { const: 'LEAF' }, scope: { type: 'string' }, expectedValue: true },
          additionalProperties: false,
        },
        {
          required: ['type', 'conditions'],
          properties: { type: { enum: ['OR', 'AND'] }, conditions: { type: 'array', items: { $ref: '#/$defs/condition' } } },
          additionalProperties: false,
        },
      ],
    },
  },
} as const;

// One transform for every jest project: swc (fast, keeps Nest's decorator metadata) and the ESM-only
// packages (feelin, bpmn-moddle and their deps) compiled to CommonJS so jest can load them.
const esmPackages = [
  'feelin',
  'lezer-feel',
  '@lezer',
  'temporal-polyfill',
  'min-dash',
  'bpmn-moddle',
  'dmn-moddle',
  'zeebe-bpmn-moddle',
  'moddle',
  'moddle-xml',
  'saxen',
  'camunda-bpmn-moddle',
  'min-dom',
  'bpmn-engine',
  'bpmn-elements',
  'smqp',
  'moddle-context-serializer',
  'temporal-utils',
  'ids',
  'diagram-js',
  'tiny-svg',
  'didi',
  'path-intersection',
];
const swcTs = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const swcJs = { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } };

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|tsx)$': ['@swc/jest', swcTs],
    '^.+\\.(js|mjs|cjs)$': ['@swc/jest', swcJs],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@kcbx/cn-codes/node$': require('path').join(__dirname, 'libs/cn-codes/src/node.ts'),
    '^@kcbx/(.*)$': require('path').join(__dirname, 'libs/$1/src/index.ts'),
  },
};

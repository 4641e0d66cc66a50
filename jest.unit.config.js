module.exports = {
  projects: [
    '<rootDir>/libs/cn-codes',
    '<rootDir>/libs/demo-data',
    '<rootDir>/libs/engine',
    '<rootDir>/libs/engine-store-typeorm',
    '<rootDir>/libs/forms',
    '<rootDir>/libs/form-builder',
    '<rootDir>/libs/password-policy',
    '<rootDir>/libs/form-renderer',
    '<rootDir>/libs/test-corpora',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/tools',
  ],
};

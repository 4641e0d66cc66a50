module.exports = {
  projects: ['<rootDir>/libs/cn-codes', '<rootDir>/libs/demo-data', '<rootDir>/libs/engine', '<rootDir>/libs/forms', '<rootDir>/apps/api', '<rootDir>/tools'],
};

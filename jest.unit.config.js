module.exports = {
  projects: ['<rootDir>/libs/cn-codes', '<rootDir>/libs/engine', '<rootDir>/libs/forms', '<rootDir>/apps/api', '<rootDir>/tools'],
};

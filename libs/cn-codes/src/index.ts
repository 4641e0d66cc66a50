export * from './resident-id';
export * from './phone';
export * from './student-number';
export * from './regions';

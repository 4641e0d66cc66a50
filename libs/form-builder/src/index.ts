export * from './palette';
export * from './ui-paths';
export * from './new-definition';
export * from './edit-layout';
export * from './edit-field';
export * from './locate-issue';
export * from './field-changes';
export * from './field-checks';

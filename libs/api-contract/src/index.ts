/**
 * The API's wire contract: the JSON shapes and enums the API sends and the web reads. Both import them from
 * here, so a change to a shape is one edit that the compiler then checks on both sides. Framework-free.
 */
export * from './page';
export * from './identity';
export * from './workflow';
export * from './students';
export * from './notifications';
export * from './forms';
export * from './ledgers';
export * from './visits';
export * from './errors';
export * from './reports';
export * from './rectification';
export * from './retention';
export * from './api-keys';

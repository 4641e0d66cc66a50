export * from './errors';
export * from './storage';
export { Engine, type EngineOptions, type Clock } from './engine';
export type { DeployResource, DeployedDefinition } from './deploy';
export type { TaskQuery, TimelineEntry } from './queries';
export type { MigrationResult } from './migration';
export { BpmnError, type ServiceHandler, type ServiceContext } from './runtime/handlers';
export { checkXmlIntake, MAX_BPMN_BYTES } from './model/xml-intake';
export { timeOrderedId } from './ids';

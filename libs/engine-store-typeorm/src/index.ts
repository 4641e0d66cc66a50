export { ENGINE_SCHEMAS, TABLE_OF } from './engine-tables';
export { EngineTables1732900000000 } from './engine-tables.migration';
export { SubscriptionKind1733510000000 } from './subscription-kind.migration';
export { DecisionTable1733610000000 } from './decision-table.migration';
export { ExternalJobTopic1733840000000 } from './external-job-topic.migration';
export { LeanerEngineIndexes1733940000000 } from './leaner-engine-indexes.migration';
export { TypeOrmStore } from './typeorm-store';
export type { Exclusive } from './typeorm-store';
export { columns } from './sql-tx';
export {
  caseVariable,
  completedInstancesOf,
  openStepsOf,
  openStepsOfInstance,
  stepsCompletedBy,
  stepsOfInstance,
  taskOfTenant,
  tasksWithInstance,
} from './read-queries';

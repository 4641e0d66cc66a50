export { ENGINE_SCHEMAS, TABLE_OF } from './engine-tables';
export { EngineTables1732900000000 } from './engine-tables.migration';
export { TypeOrmStore } from './typeorm-store';
export type { Exclusive } from './typeorm-store';
export { columns } from './sql-tx';
export { PLANNED_PER_CALL } from './buffered-tx';

// Where an instance sits: its `orgUnit` process variable holds an org unit code.

/**
 * The org unit code held in the `orgUnit` variable `v` (stored as JSON, so quoted), as an expression over `v`
 * alone: the org unit is then found through its (tenantId, code) index, one row per task. Written the other
 * way round (`v.value = '"' || o.code || '"'`) the planner must scan every unit, and on a young database
 * with no statistics PostgreSQL picked a units × units join that cost 10–20 ms a query.
 */
export const ORG_UNIT_CODE_OF_VARIABLE = 'substr(v.value, 2, length(v.value) - 2)';

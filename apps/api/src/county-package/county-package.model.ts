import type { Tally } from '@kcbx/county-package';

/** The package contract lives in @kcbx/county-package (shared with the CLI); the API adds its helpers. */
export * from '@kcbx/county-package';

export const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

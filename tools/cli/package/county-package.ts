/** The county package as the API exchanges it: the shared contract (the CLI does not import the API's code). */
export * from '@kcbx/county-package';

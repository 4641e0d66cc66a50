import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/**
 * The form renderer alone, for browser tests and the forms benchmark: two pages built into
 * dist/form-harness (never dist/web, which the app's own browser tests serve). Tests serve these files
 * under the API server's origin (playwright routes), so /api calls are same-origin without a proxy.
 */
export default defineConfig({
  root: here,
  base: '/form-harness/',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@kcbx\/([a-z-]+)$/, replacement: path.join(root, 'libs/$1/src/index.ts') }],
  },
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist/form-harness'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    rolldownOptions: {
      input: { index: path.join(here, 'index.html'), bench: path.join(here, 'bench.html') },
    },
  },
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

// The libs are consumed from source (same aliases as tsconfig.base.json); only browser-safe entry points.
export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  resolve: {
    alias: [{ find: /^@kcbx\/([a-z-]+)$/, replacement: path.join(root, 'libs/$1/src/index.ts') }],
  },
  server: {
    port: 4200,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Sourcemaps of antd make the build slow and the output huge; the SPA is small enough to debug without.
    sourcemap: false,
    rolldownOptions: {
      // Our form libraries are read from source (no package.json to say so): they run nothing on import (no bare
      // imports, no top-level calls), so a page that uses two helpers of theirs (the student file's answers:
      // field kinds, display values) does not carry the renderer, ajv and the importers along (issue #19).
      treeshake: {
        moduleSideEffects: (id: string) => (/[\\/]libs[\\/](forms|form-renderer|cn-codes)[\\/]src[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // Libraries change far less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 2 },
            // The other libraries the first screen runs before it paints (antd's core, form, input, button): one
            // file, not a dozen small ones that each cost a round trip on a slow mobile line.
            { name: 'first-screen', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});

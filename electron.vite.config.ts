import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Where the build goes: out/ (what npm start, the tests and the package use). KAM_OUT=out-x puts a
 * second build elsewhere, so two developers' browser tests on one machine do not overwrite each other.
 */
const OUT = process.env.KAM_OUT ?? 'out';

/** The backend reads its SQL migrations and runs its parse worker from disk: ship them beside the bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'kam-copy-migrations',
    writeBundle(options) {
      const outDir = options.dir ?? resolve(__dirname, OUT, 'main');
      cpSync(resolve(__dirname, 'electron/backend/db/migrations'), resolve(outDir, 'migrations'), {
        recursive: true,
      });
      // The spreadsheet parser runs as its own worker script (DOMAIN-DECISIONS "Imports",
      // responsiveness), with the wire format it shares with packed-rows.ts beside it.
      for (const script of ['parse-worker.cjs', 'packed-format.cjs', 'csv-text.cjs']) {
        cpSync(resolve(__dirname, 'electron/backend/imports', script), resolve(outDir, script));
      }
      cpSync(resolve(__dirname, 'electron/backend/imports/report-worker.cjs'), resolve(outDir, 'report-worker.cjs'));
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The writer thread's body (electron/backend/writer/thread.ts looks for it beside the bundle).
          'writer-worker': resolve(__dirname, 'electron/backend/writer/worker.ts'),
        },
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, OUT, 'renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});

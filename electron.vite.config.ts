import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The backend reads its SQL migrations and runs its parse worker from disk: ship them beside the bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'kam-copy-migrations',
    writeBundle(options) {
      const outDir = options.dir ?? resolve(__dirname, 'out/main');
      cpSync(resolve(__dirname, 'electron/backend/db/migrations'), resolve(outDir, 'migrations'), {
        recursive: true,
      });
      // The spreadsheet parser runs as its own worker script (issue 4).
      cpSync(resolve(__dirname, 'electron/backend/imports/parse-worker.cjs'), resolve(outDir, 'parse-worker.cjs'));
      cpSync(resolve(__dirname, 'electron/backend/imports/report-worker.cjs'), resolve(outDir, 'report-worker.cjs'));
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
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
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/src/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          environment: 'node',
          pool: 'forks',
          // One module graph per worker, not per file: importing the backend, zod schemas and
          // SheetJS again for each of ~150 files was two thirds of this project's time (5 min 41 s
          // → 3 min 2 s on 2 cores, same tests, files shuffled or not). Tests may not rely on a
          // fresh module: state lives in a backend or database each test opens.
          isolate: false,
          // No wall-clock bound: CI runs the suite beside two CPU-bound processes, where a
          // property test of 150 random databases takes several times its quiet-machine time.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Whole imports through the registry: 100,000 and 135,000 rows on file databases, each
        // compared with the same job unpaced in the same test (no wall-clock bound: they pass on
        // a busy machine), and the hostile corpus. One file at a time, after the unit tests: a
        // large import keeps both cores busy (parse worker, main thread, writer thread) and holds
        // its rows in memory; the unit project stays quick without them.
        test: {
          name: 'responsiveness',
          include: ['tests/responsiveness/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          // As the unit project: one module graph for the files run one after another.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

/**
 * Makes the large template fixture (large-template-fixture.ts) on a worker thread and waits for
 * it; that file says why it is not made on the calling thread. Used by the responsiveness test
 * and benchmark.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LargeTemplateFixture, LargeTemplateLayout } from './large-template-fixture';

export function makeLargeTemplate(
  dir: string,
  spec: { customers: number; period: string; now: Date; layout?: LargeTemplateLayout },
): Promise<LargeTemplateFixture> {
  const worker = new Worker(join(__dirname, 'large-template-fixture.ts'), {
    execArgv: ['--require', require.resolve('tsx/cjs')],
    workerData: {
      dir,
      customers: spec.customers,
      period: spec.period,
      now: spec.now.toISOString(),
      layout: spec.layout ?? 'long',
    },
  });
  return new Promise<LargeTemplateFixture>((resolve, reject) => {
    worker.once('message', (m: { ok: true; fixture: LargeTemplateFixture } | { ok: false; message: string }) =>
      m.ok ? resolve(m.fixture) : reject(new Error(m.message)),
    );
    worker.once('error', reject);
  }).finally(() => void worker.terminate());
}

/**
 * The reference a responsiveness figure is compared with: the same import job, on the same
 * machine, in the same process, without what keeps the main thread answering. Inside `unpaced`,
 * no Pacer is ever due (a preview checks every row in one turn of the event loop, as before
 * pacing) and the writer thread runs its jobs inline on the main connection (a commit or undo
 * holds the main thread, as before the writer thread). A wall-clock bound does not survive a busy
 * machine; a ratio to this reference does, because load stretches both sides alike.
 *
 * Test code only: it swaps two prototype members for the duration of `job` and puts back exactly
 * what was there.
 */
import { Pacer } from '../../electron/backend/imports/pace';
import { WriterThread } from '../../electron/backend/writer/thread';

function own(target: object, key: string): PropertyDescriptor {
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (!d)
    throw new Error(`${key} is no longer on ${target.constructor.name}.prototype: update tests/support/unpaced.ts`);
  return d;
}

export async function unpaced<T>(job: () => Promise<T>): Promise<T> {
  const due = own(Pacer.prototype, 'due');
  const offThread = own(WriterThread.prototype, 'offThread');
  Object.defineProperty(Pacer.prototype, 'due', { ...due, value: () => false });
  Object.defineProperty(WriterThread.prototype, 'offThread', { ...offThread, get: () => false });
  try {
    return await job();
  } finally {
    Object.defineProperty(Pacer.prototype, 'due', due);
    Object.defineProperty(WriterThread.prototype, 'offThread', offThread);
  }
}

import { afterEach } from 'vitest';
import { type Backend, openBackend } from '../../electron/backend';

/** An `openBackend` for the calling test file; every backend it opened is closed after each test. */
export function backendsForTests(): typeof openBackend {
  const open: Backend[] = [];
  afterEach(() => {
    for (const b of open.splice(0)) b.close();
  });
  return (options) => {
    const b = openBackend(options);
    open.push(b);
    return b;
  };
}

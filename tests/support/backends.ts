import { afterEach } from 'vitest';
import { type Backend, openBackend } from '../../electron/backend';
import { printPdf } from '../../electron/backend/reports/pdf';

/** An `openBackend` for the calling test file; every backend it opened is closed after each test. */
export function backendsForTests(): typeof openBackend {
  const open: Backend[] = [];
  afterEach(() => {
    for (const b of open.splice(0)) b.close();
  });
  return (options) => {
    // The report's PDF through the system Chromium, as the command line prints it.
    const b = openBackend({ printPdf: (html) => printPdf(html), ...options });
    open.push(b);
    return b;
  };
}

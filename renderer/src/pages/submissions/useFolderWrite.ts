/**
 * "Choose a folder, then write files into it" (templates, receipts): the folder dialog, the run,
 * and a CONFLICT naming files already there, answered by offering to overwrite them in the same
 * folder — never silently.
 */
import { useState } from 'react';
import type { HostChannel } from '../../../../shared/api/host';
import { type ApiCallError, api, toApiCallError } from '../../api/client';

export function useFolderWrite<T>(channel: string, write: (outDir: string, overwrite: boolean) => Promise<T>) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [conflictDir, setConflictDir] = useState<string | null>(null);
  const [result, setResult] = useState<{ value: T; folder: string } | null>(null);

  const run = async (outDir: string, overwrite: boolean) => {
    setRunning(true);
    setError(null);
    setConflictDir(null);
    try {
      setResult({ value: await write(outDir, overwrite), folder: outDir });
    } catch (e) {
      const err = toApiCallError(channel, e);
      setError(err);
      if (err.code === 'CONFLICT' && Array.isArray(err.details?.paths)) setConflictDir(outDir);
    } finally {
      setRunning(false);
    }
  };

  const chooseAndRun = async (title: string) => {
    setError(null);
    const dialog: HostChannel = 'host/choose-folder';
    try {
      const { path } = await api.host(dialog, { title });
      if (path !== null) await run(path, false);
    } catch (e) {
      setError(toApiCallError(dialog, e));
    }
  };

  return {
    running,
    error,
    conflictDir,
    result,
    clear: () => setResult(null),
    chooseAndRun,
    overwrite: () => (conflictDir === null ? Promise.resolve() : run(conflictDir, true)),
  };
}

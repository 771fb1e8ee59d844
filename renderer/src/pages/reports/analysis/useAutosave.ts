/**
 * The officer's texts of one draft revision, saved as they are typed: a pause of SAVE_DELAY_MS
 * after the last key sends the changed parts (reports/save-texts); blur, Ctrl+S, 定稿, 打印预览,
 * switching revision and leaving the editor save at once (`flush`). The text stays in the box
 * whatever the backend answers: a refused save keeps it, says why, and the next key or 重试 tries
 * again (DOMAIN-DECISIONS "Monthly analysis report": drafts save as the officer types).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportTextField, ReportTexts } from '../../../../../shared/domain/report/document';
import { type ApiCallError, api, toApiCallError } from '../../../api/client';

export const SAVE_DELAY_MS = 800;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

export interface Autosave {
  texts: ReportTexts;
  status: SaveStatus;
  error: ApiCallError | null;
  change: (field: ReportTextField, text: string) => void;
  /** Saves what is pending now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
}

export function useAutosave(id: number, initial: ReportTexts, enabled: boolean): Autosave {
  const client = useQueryClient();
  const [texts, setTexts] = useState<ReportTexts>(initial);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiCallError | null>(null);
  // Refs, not state: the timer, blur and unmount must see the latest text without re-subscribing.
  const latest = useRef<ReportTexts>(initial);
  const dirty = useRef(new Set<ReportTextField>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const mounted = useRef(true);

  const save = useCallback(async (): Promise<boolean> => {
    // One save at a time, in order: a second flush waits for the first, then sends what is left.
    while (inFlight.current) await inFlight.current;
    if (dirty.current.size === 0) return true;
    const fields = [...dirty.current];
    const sent: Partial<ReportTexts> = {};
    for (const f of fields) sent[f] = latest.current[f];
    dirty.current.clear();
    if (mounted.current) setStatus('saving');
    const request = (async () => {
      try {
        await api.call('reports/save-texts', { id, texts: sent });
        // Only what lists the revision (its 更新时间) and prints it is marked stale; the open
        // editor is not re-read: it holds the text, and re-reading would gather the month's
        // figures again at every pause in typing.
        void client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === 'reports/list' || q.queryKey[0] === 'reports/html',
        });
        void client.invalidateQueries({ queryKey: ['reports/get'], refetchType: 'none' });
        if (mounted.current) {
          setError(null);
          setStatus(dirty.current.size > 0 ? 'unsaved' : 'saved');
        }
        return true;
      } catch (e) {
        // Not sent: those parts are pending again unless typed over since (then they are anyway).
        for (const f of fields) dirty.current.add(f);
        if (mounted.current) {
          setError(toApiCallError('reports/save-texts', e));
          setStatus('error');
        }
        return false;
      }
    })();
    inFlight.current = request;
    try {
      return await request;
    } finally {
      inFlight.current = null;
    }
  }, [client, id]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!enabled) return true;
    const ok = await save();
    return ok && dirty.current.size === 0 ? true : ok && (await save());
  }, [enabled, save]);

  const change = useCallback(
    (field: ReportTextField, text: string) => {
      if (!enabled) return;
      latest.current = { ...latest.current, [field]: text };
      setTexts(latest.current);
      dirty.current.add(field);
      setStatus('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void save();
      }, SAVE_DELAY_MS);
    },
    [enabled, save],
  );

  // Leaving the editor (another page, another revision) or closing the window saves what is pending.
  useEffect(() => {
    mounted.current = true;
    const onLeave = () => void flush();
    window.addEventListener('beforeunload', onLeave);
    return () => {
      mounted.current = false;
      window.removeEventListener('beforeunload', onLeave);
      void flush();
    };
  }, [flush]);

  return { texts, status, error, change, flush };
}

import { createContext, type ReactNode, useContext } from 'react';
import type { AppInfo } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { useApiQuery } from '../api/query';

interface AppInfoValue {
  info: AppInfo | undefined;
  /** The backend's today (its clock is frozen in tests), else the local date. */
  today: string;
  /**
   * Whether the backend has answered (or failed to). Pages wait for it: a tab that seeds its month
   * or date from `today` before the answer would start from the local clock and stay there.
   */
  known: boolean;
  reload: () => void;
}

const AppInfoContext = createContext<AppInfoValue>({
  info: undefined,
  today: localDate(new Date()),
  known: false,
  reload: () => {},
});

export function AppInfoProvider({ children }: { children: ReactNode }) {
  const { data, error, reload } = useApiQuery('app/info', {});
  const value: AppInfoValue = {
    info: data,
    today: data?.today ?? localDate(new Date()),
    known: data !== undefined || error !== undefined,
    reload,
  };
  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoValue {
  return useContext(AppInfoContext);
}

/** Today as YYYY-MM-DD, for default dates in forms. */
export function useToday(): string {
  return useContext(AppInfoContext).today;
}

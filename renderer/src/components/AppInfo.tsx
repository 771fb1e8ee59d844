import { createContext, type ReactNode, useContext } from 'react';
import type { AppInfo } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { useApiQuery } from '../api/query';

interface AppInfoValue {
  info: AppInfo | undefined;
  /** The backend's today (its clock is frozen in tests), else the local date. */
  today: string;
  reload: () => void;
}

const AppInfoContext = createContext<AppInfoValue>({ info: undefined, today: localDate(new Date()), reload: () => {} });

export function AppInfoProvider({ children }: { children: ReactNode }) {
  const { data, reload } = useApiQuery('app/info', {});
  const value: AppInfoValue = { info: data, today: data?.today ?? localDate(new Date()), reload };
  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoValue {
  return useContext(AppInfoContext);
}

/** Today as YYYY-MM-DD, for default dates in forms. */
export function useToday(): string {
  return useContext(AppInfoContext).today;
}

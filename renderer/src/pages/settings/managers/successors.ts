import type { Manager } from '../../../../../shared/api/types';

/** A manager's successor: every other active manager, the leaver's own unit first, then by unit. */
export function successorOptions(
  managers: readonly Manager[],
  leaver: Pick<Manager, 'id' | 'unitId'>,
  label: (m: Manager) => string,
): { value: string; label: string }[] {
  return managers
    .filter((m) => m.active && m.id !== leaver.id)
    .sort(
      (a, b) =>
        Number(b.unitId === leaver.unitId) - Number(a.unitId === leaver.unitId) ||
        a.unitName.localeCompare(b.unitName, 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .map((m) => ({ value: String(m.id), label: label(m) }));
}

import { describe, expect, it } from 'vitest';
import { type BackupReason, backupsToKeep, DEFAULT_RETENTION, type RetainedBackup } from './retention';

function b(file: string, date: string, reason: BackupReason = 'daily', time = '09:00:00'): RetainedBackup {
  return { file, date, at: `${date}T${time}.000Z`, reason };
}

describe('backupsToKeep (retention)', () => {
  it.each([
    {
      name: 'a month of dailies keeps the last 7 days, the newest of 4 weeks and of each month',
      backups: Array.from({ length: 31 }, (_, i) => b(`d${i + 1}`, `2026-10-${String(i + 1).padStart(2, '0')}`)),
      policy: DEFAULT_RETENTION,
      // 25–31 daily; weeks (Mondays 26, 19, 12, 5): newest of each = 31 (in dailies), 25, 18, 11; month: 31.
      kept: ['d25', 'd26', 'd27', 'd28', 'd29', 'd30', 'd31', 'd18', 'd11'],
    },
    {
      name: 'two copies the same day: only the newer counts for that day',
      backups: [b('a', '2026-10-01', 'daily', '08:00:00'), b('b', '2026-10-01', 'pre-tiering', '10:00:00')],
      policy: { daily: 1, weekly: 0, monthly: 0, preImport: 0 },
      kept: ['b'],
    },
    {
      name: 'the last N pre-import copies, whatever their dates',
      backups: [1, 2, 3, 4].map((n) => b(`p${n}`, `2026-10-0${n}`, 'pre-import')),
      policy: { daily: 7, weekly: 4, monthly: 12, preImport: 2 },
      kept: ['p4', 'p3'],
    },
    {
      name: 'manual and pre-restore copies are never deleted; zero everywhere keeps only the newest',
      backups: [
        b('m', '2025-01-01', 'manual'),
        b('r', '2025-02-01', 'pre-restore'),
        b('x', '2025-03-01'),
        b('y', '2025-04-01'),
      ],
      policy: { daily: 0, weekly: 0, monthly: 0, preImport: 0 },
      kept: ['m', 'r', 'y'],
    },
    {
      name: 'monthly copies reach back a year',
      backups: Array.from({ length: 14 }, (_, i) => {
        const d = new Date(Date.UTC(2025, i, 15));
        return b(`m${i}`, d.toISOString().slice(0, 10));
      }),
      policy: { daily: 0, weekly: 0, monthly: 12, preImport: 0 },
      kept: Array.from({ length: 12 }, (_, i) => `m${i + 2}`),
    },
  ])('$name', ({ backups, policy, kept }) => {
    expect([...backupsToKeep(backups, policy)].sort()).toEqual([...kept].sort());
  });
});

/** Settings → Backups strings (English), and the read-only banner of the shell. */
export const backupsEn = {
  tableLabel: 'Backups',
  intro:
    'A backup is made at the first start of each day, before every import and tiering run, before an upgrade and before a restore. Folder: {{folder}}',
  retention:
    'Kept: one a day for {{daily}} days, one a week for {{weekly}} weeks, one a month for {{monthly}} months, and the last {{preImport}} pre-import backups; manual and pre-restore backups are never deleted automatically.',
  retentionEdit: 'Retention…',
  retentionTitle: 'Backup retention',
  retentionSaved: 'Retention saved',
  retentionHint:
    'The backups folder is tidied at once by the new settings; manual and pre-restore backups are never deleted automatically.',
  retentionFields: {
    daily: 'One a day, days kept',
    weekly: 'One a week, weeks kept',
    monthly: 'One a month, months kept',
    preImport: 'Pre-import backups kept',
  },
  empty: 'No backups yet',
  createHere: 'Back up now',
  createTo: 'Back up to…',
  folderTitle: 'Choose a folder for the backup (a USB drive, for example)',
  created: 'Backup made',
  restore: 'Restore',
  restoreFor: 'Restore the backup of {{at}}',
  restoreTitle: 'Restore this backup?',
  restoreText:
    'The backup of {{at}} ({{reason}}, {{customers}} customers) will replace the current database. The current database is saved first as a pre-restore backup, so this restore can be undone too.',
  restoreConfirm: 'Save the current database and restore',
  restored: 'Restored',
  restoredText: 'The database before the restore was saved as: {{file}}',
  verdictOk: 'Sound',
  verdictBad: 'Failed its check',
  columns: {
    at: 'Time',
    reason: 'Reason',
    size: 'Size',
    customers: 'Customers',
    revenueRows: 'Revenue rows',
    integrity: 'Integrity',
    file: 'File',
  },
  reasons: {
    daily: 'Daily',
    'pre-import': 'Before import',
    'pre-tiering': 'Before tiering',
    'pre-migration': 'Before upgrade',
    'pre-restore': 'Before restore',
    manual: 'Manual',
  },
  banner: {
    title: 'The database failed its check and is open read-only',
    text: 'All changes are paused so that no damage is written. Restore a sound backup. Check: {{problem}}',
    link: 'Open Backups',
  },
};

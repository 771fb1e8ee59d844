import { useMemo } from 'react';
import { useLanguage } from '../i18n';
import { type AuditLabels, auditLabels } from './labels';

/** The audit log's labels in the interface language. */
export function useAuditLabels(): AuditLabels {
  const language = useLanguage();
  return useMemo(() => auditLabels(language), [language]);
}

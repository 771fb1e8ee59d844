/**
 * The tier explanation's steps (R5–R15) in the interface's language: from each step's key and
 * params (`explainStep.*`), or in Chinese the rule engine's own text as is (a note the backend adds
 * to it, such as the responsible unit's name, stays).
 */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExplanationStep, SCOPE_REASON_KEYS } from '../../../../shared/domain/evaluation';
import { useLanguage } from '../../i18n';

export function stepText(translate: TFunction, step: ExplanationStep): string {
  // The key is built from the step's data: the typed `t` cannot check it, so it is called untyped
  // here; every key exists in both languages (en.ts is typed against zh-CN.ts).
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const p: Record<string, string> = { ...step.params };
  if (p.tier) p.tier = t(`tier.${p.tier}`);
  if (p.wouldBe) p.wouldBe = t(`tier.${p.wouldBe}`);
  if (p.scope) p.scope = t(`scope.${p.scope}`);
  if (p.mainLine) p.mainLine = t(`line.${p.mainLine}`);
  if (p.role) p.role = t(`role.${p.role}`);
  if (p.reason && step.key.startsWith('scope')) {
    p.reason = t(`explainStep.${SCOPE_REASON_KEYS[p.reason as keyof typeof SCOPE_REASON_KEYS]}`, p);
  }
  if (step.lines) {
    p.lines = step.lines
      .map((l) => t('explainStep.professionalLine', { ...l, line: t(`line.${l.line}`) }))
      .join(t('explainStep.professionalLineSeparator'));
  }
  return t(`explainStep.${step.key}`, { ...p, defaultValue: step.text, interpolation: { escapeValue: false } });
}

/** `(step) => sentence` in the current language. */
export function useStepText(): (step: ExplanationStep) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback((step) => (language === 'zh-CN' ? step.text : stepText(t, step)), [t, language]);
}

import { z } from 'zod';

/** Zod's own messages in Chinese, for fields whose schema carries no message of ours. */
export function configureChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
}

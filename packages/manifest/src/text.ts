/** Localized text: zh-CN is required (residents and cadres read Chinese first), English optional. */
import { z } from 'zod';

export const localizedTextSchema = z
  .object({
    'zh-CN': z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const localizedLongTextSchema = z
  .object({
    'zh-CN': z.string().trim().min(1).max(2000),
    en: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export function pickText(text: LocalizedText | undefined, locale: 'zh-CN' | 'en'): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

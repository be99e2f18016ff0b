/** Localized text: zh-CN is required (residents and cadres read Chinese first), English optional. */
import { z } from 'zod';
import { LONG_TEXT_MAX, TEXT_MAX } from './patterns.js';

const localized = (max: number) =>
  z
    .object({
      'zh-CN': z.string().trim().min(1).max(max),
      en: z.string().trim().min(1).max(max).optional(),
    })
    .strict();

export const localizedTextSchema = localized(TEXT_MAX);

export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const localizedLongTextSchema = localized(LONG_TEXT_MAX);

export function pickText(text: LocalizedText | undefined, locale: 'zh-CN' | 'en'): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

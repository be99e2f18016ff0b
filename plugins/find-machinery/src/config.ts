/**
 * What a village cadre can set for 找农机 in the portal composer. The build turns this zod schema into
 * JSON Schema (the composer's form) and its defaults; the widget reads it with useConfig.
 */
import { z } from 'zod';

export const DEFAULT_TYPES = ['收割机', '拖拉机', '插秧机', '植保无人机', '烘干机', '其他'];

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('找农机').describe('页面标题'),
  showUnavailable: z.boolean().default(false).describe('列出暂不可用的农机'),
  types: z.array(z.string().min(1).max(10)).min(1).max(20).default(DEFAULT_TYPES).describe('农机类型'),
});

export type Config = z.infer<typeof configSchema>;

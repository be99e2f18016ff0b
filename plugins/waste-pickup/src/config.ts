/**
 * What a village cadre can set for this widget in the portal composer. The build turns this zod
 * schema into JSON Schema (the composer's form) and its defaults; the widget reads it with useConfig.
 */
import { z } from 'zod';

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('垃圾分类预约').describe('页面标题'),
  pageSize: z.number().int().min(5).max(50).default(20).describe('每页条数'),
});

export type Config = z.infer<typeof configSchema>;

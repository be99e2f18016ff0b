/**
 * What a village cadre can set for 接诉即办 in the portal composer. Time limits and metric weights are not
 * here: they are the province's and county's (the module's settings), not a village's.
 */
import { z } from 'zod';

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('接诉即办').describe('页面标题'),
  hotline: z
    .string()
    .regex(/^[0-9-]{3,20}$/)
    .optional()
    .describe('村委会电话（紧急情况时显示，可不填）'),
});

export type Config = z.infer<typeof configSchema>;

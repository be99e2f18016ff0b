/**
 * What a village cadre can set for 党建 in the portal composer. Branches, members and what they publish
 * are the branch officers' (the module's own pages), not the composer's.
 */
import { z } from 'zod';

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('党建').describe('页面标题'),
  showPioneers: z.boolean().default(true).describe('在页面显示先锋榜'),
});

export type Config = z.infer<typeof configSchema>;

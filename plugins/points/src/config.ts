/**
 * What a village cadre can set for 积分制 in the portal composer. The base score, the yearly reset and
 * the masking policy are the committee's (the module's settings page), not the composer's.
 */
import { z } from 'zod';

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('积分超市').describe('页面标题'),
  showLeaderboard: z.boolean().default(true).describe('在首页显示积分榜'),
});

export type Config = z.infer<typeof configSchema>;

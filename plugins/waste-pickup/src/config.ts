/**
 * What a village cadre can set for 垃圾分类预约 in the portal composer. The build turns this zod schema
 * into JSON Schema (the composer's form) and its defaults; the widget reads it with useConfig.
 */
import { z } from 'zod';

export const configSchema = z.object({
  heading: z.string().min(1).max(20).default('垃圾分类预约').describe('页面标题'),
  notice: z
    .string()
    .max(100)
    .default('回收员会在预约当天上门，请把物品放在门口方便搬运的地方。')
    .describe('预约须知（显示在表单上方，可留空）'),
});

export type Config = z.infer<typeof configSchema>;

/** The bodies of the API, checked at the edge (`parseInput` names the first wrong field). */
import { z } from 'zod';
import { isDay } from './day.js';
import { MASKING } from './model.js';

const day = z.string().refine(isDay, 'a day YYYY-MM-DD');
const count = z.number().int().min(0).max(100_000);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ruleItemSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9-]{1,12}$/),
  title: text(60),
  points: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((n) => n !== 0, 'an item is worth points'),
  evidence: text(200),
  proposer: text(60),
});

export const adoptBodySchema = z.object({
  adoptedOn: day,
  assembly: z
    .object({
      date: day,
      attendance: count.min(1),
      votesFor: count,
      votesAgainst: count,
      abstaining: count,
    })
    .optional(),
  items: z
    .array(ruleItemSchema)
    .min(1)
    .max(300)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, 'item codes are unique'),
});

export const householdCode = z.string().trim().min(1).max(40);

export const claimBodySchema = z.object({
  item: z.string().min(1).max(12),
  quantity: z.number().int().min(1).max(50).default(1),
  evidence: z.string().trim().max(500).optional(),
  photo: z.string().max(40).optional(),
  /** Cadres name the household; a resident's is their own. */
  household: householdCode.optional(),
});

export const rejectBodySchema = z.object({ reason: z.string().trim().max(500).default('') });

export const householdBodySchema = z.object({ code: householdCode, head: text(40) });

export const goodsBodySchema = z.object({
  name: text(40),
  price: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
});

export const goodsUpdateSchema = z.object({
  price: z.number().int().min(1).max(100_000).optional(),
  stock: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});

export const redeemBodySchema = z.object({
  household: householdCode,
  goods: z.string().min(1).max(40),
  quantity: z.number().int().min(1).max(100).default(1),
});

export const settingsSchema = z.object({
  baseScore: z.number().int().min(0).max(1000),
  yearlyReset: z.boolean(),
  masking: z.enum(MASKING),
});

export const resetBodySchema = z.object({ year: z.number().int().min(2000).max(2100) });

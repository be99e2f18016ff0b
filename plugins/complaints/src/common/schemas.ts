/** The zod schemas of the API bodies and the settings (server side; the widgets do not bundle zod). */
import { z } from 'zod';
import { MAX_DEPARTMENT, MAX_NOTE, MAX_PLACE, MAX_TEXT, RATINGS, type Settings } from './model.js';

/* ---------------------------------------------------------------- settings */

const hours = z
  .number()
  .positive()
  .max(24 * 90);
const weight = z.number().int().min(0).max(100);

export const settingsSchema = z
  .object({
    /** Hours from submission within which the case must be accepted. */
    acceptHours: hours,
    /** Hours from submission within which the case must be replied to, per time-limit class. */
    replyHours: z.object({ emergency: hours, utilities: hours, general: hours, complex: hours }),
    /** Percent weights of the score; they sum to 100. */
    weights: z.object({ response: weight, resolution: weight, satisfaction: weight }),
  })
  .refine((s) => s.weights.response + s.weights.resolution + s.weights.satisfaction === 100, {
    message: 'the weights must sum to 100',
    path: ['weights'],
  });

/* ---------------------------------------------------------------- API bodies */

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/**
 * The submission as the wire carries it. Category, text and photo counts are checked by
 * `checkSubmission` (specific codes), so the schema only fixes the shapes.
 */
export const submitBodySchema = z.object({
  category: z.string().max(40),
  text: z.string().max(100_000),
  photos: z.array(z.string().max(64)).max(100).default([]),
  place: z.string().trim().max(MAX_PLACE).optional(),
  location: locationSchema.nullable().optional(),
  /** Whether the case (masked, without identity) may appear on the village's 公示栏. */
  public: z.boolean().default(true),
});
export type SubmitBody = z.input<typeof submitBodySchema>;

const note = z.string().trim().max(MAX_NOTE);

export const acceptBodySchema = z.object({ note: note.optional() });
export const dispatchBodySchema = z.object({
  /** The receiving unit's division code: the case's village, its township or its county. */
  target: z.string().regex(/^\d{6}$|^\d{9}$|^\d{12}$/, 'a 6-, 9- or 12-digit division code'),
  department: z.string().trim().max(MAX_DEPARTMENT).optional(),
  note: note.optional(),
});
export type DispatchBody = z.infer<typeof dispatchBodySchema>;
export const reasonBodySchema = z.object({ reason: note.optional() });
export const replyBodySchema = z.object({ answer: z.string().trim().max(MAX_TEXT) });
export const closeBodySchema = z.object({ resolved: z.boolean(), note: note.optional() });
export const followUpBodySchema = z.object({ note: note.optional() });
export const rateBodySchema = z.object({
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(500).optional(),
});

// The schema and the hand-written type must agree.
export const settingsShape: z.ZodType<Settings> = settingsSchema;

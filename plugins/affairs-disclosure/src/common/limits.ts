/** Sizes and lengths the server enforces (and the forms show). */
import type { AttachmentKind } from './enums.js';

export const LIMITS = {
  title: 60,
  body: 10_000,
  financeRows: 200,
  /** Largest amount in fen: ¥10,000,000,000.00. */
  amount: 1_000_000_000_000,
  question: 500,
  /** Questions one resident may ask in 24 hours. */
  questionsPerDay: 20,
  answer: 2_000,
  reason: 500,
  attachments: 10,
  /** Bytes per attachment kind. */
  file: {
    image: 5 * 1024 * 1024,
    pdf: 10 * 1024 * 1024,
    xlsx: 5 * 1024 * 1024,
    csv: 2 * 1024 * 1024,
  } as Record<AttachmentKind, number>,
  /** Rows of a list kept per sheet. */
  listRows: 5_000,
} as const;

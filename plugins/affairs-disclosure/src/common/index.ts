/**
 * `@cunmen/affairs-disclosure/common`: the framework-free core shared by the server and the widgets —
 * the widgets' zod-free core (`web.ts`) plus the zod schemas the server validates every body with.
 */

export {
  answerInputSchema,
  approveInputSchema,
  attachmentKindSchema,
  catalogueInputSchema,
  councilInputSchema,
  deadlineRuleSchema,
  draftInputSchema,
  emptyInputSchema,
  financeTableSchema,
  questionInputSchema,
  reasonInputSchema,
  settingsInputSchema,
  updateInputSchema,
} from './schemas.js';
export * from './web.js';

/** The bodies of the API, checked at the edge (`parseInput` names the first wrong field). */
import { z } from 'zod';
import { isDay } from './day.js';
import { MEMBER_ROLES, MEMBER_STATUSES, POST_KINDS } from './model.js';
import { MEETING_KINDS } from './schedule.js';

const day = z.string().refine(isDay, 'a day YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(40);

/** A mainland mobile number; the branch's office line may be a landline with its area code. */
const mobile = z.string().regex(/^1[3-9]\d{9}$/, 'a mobile number of 11 digits');
const officePhone = z.string().regex(/^(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})$/, 'a phone number');
const account = z.string().regex(/^[A-Za-z0-9._-]{2,60}$/, 'a sign-in name');

export const memberBodySchema = z.object({
  name: text(20),
  gender: z.enum(['male', 'female']),
  birthDate: day,
  phone: mobile,
  joinedOn: day,
  role: z.enum(MEMBER_ROLES).default('member'),
  status: z.enum(MEMBER_STATUSES).default('full'),
  account: account.nullable().default(null),
});
export type MemberBody = z.infer<typeof memberBodySchema>;

export const memberUpdateSchema = z
  .object({
    role: z.enum(MEMBER_ROLES),
    status: z.enum(MEMBER_STATUSES),
    phone: mobile,
    account: account.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of role, status, phone, account');

export const branchBodySchema = z.object({
  name: text(40),
  address: text(100),
  phone: officePhone,
  trackingFrom: day,
  hasGroups: z.boolean().default(true),
  /** Every branch starts with its secretary, who runs it from then on. */
  secretary: memberBodySchema.omit({ role: true }),
});
export type BranchBody = z.infer<typeof branchBodySchema>;

export const branchUpdateSchema = z
  .object({ name: text(40), address: text(100), phone: officePhone, hasGroups: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of name, address, phone, hasGroups');

export const meetingBodySchema = z.object({
  kind: z.enum(MEETING_KINDS),
  title: text(60),
  topic: text(1000),
  place: text(60),
  plannedOn: day,
});
export type MeetingBody = z.infer<typeof meetingBodySchema>;

export const recordBodySchema = z.object({
  heldOn: day,
  minutes: text(10_000),
  /** The sign-in sheet: the members present (self sign-ins are added to it). */
  attendees: z
    .array(id)
    .min(1)
    .max(500)
    .refine((a) => new Set(a).size === a.length, 'each member once'),
});
export type RecordBody = z.infer<typeof recordBodySchema>;

export const postBodySchema = z.object({
  kind: z.enum(POST_KINDS),
  title: text(60),
  body: text(20_000),
});

export const pioneerBodySchema = z.object({
  member: id,
  honour: text(40),
  story: text(1000),
  year: z.number().int().min(2000).max(2100),
});

export const pointsBodySchema = z.object({
  member: id,
  points: z
    .number()
    .int()
    .min(-20)
    .max(20)
    .refine((n) => n !== 0, 'an entry is worth points'),
  reason: text(100),
});

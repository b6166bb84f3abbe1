import { z } from "zod";
import { LIMITS } from "../limits.js";
import { STAGES } from "../domain/lifecycle.js";
import { CHANNELS } from "../domain/touchpoints.js";
import {
  EmailSchema,
  ExternalIdsSchema,
  IdSchema,
  PropertiesSchema,
  TimestampSchema,
  csvQuery,
  listQuerySchema,
  optionalText,
  pageSchema,
} from "./common.js";

export const StageSchema = z.enum(STAGES);
export const ChannelSchema = z.enum(CHANNELS);
export const SENIORITIES = ["c_level", "vp", "director", "manager", "individual", "student", "other"] as const;
export const SenioritySchema = z.enum(SENIORITIES);
export type Seniority = (typeof SENIORITIES)[number];
export const CONSENTS = ["unknown", "granted", "withdrawn"] as const;

export const ContactSchema = z.object({
  id: IdSchema,
  accountId: IdSchema.nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  title: z.string().nullable(),
  seniority: z.string().nullable(),
  department: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  persona: z.string().nullable(),
  /** "manual": set by hand and kept by persona matching; "matched": from the persona definitions (docs/ENABLEMENT.md). */
  personaSource: z.enum(["manual", "matched"]).nullable().optional(),
  source: z.string().nullable(),
  channel: z.string().nullable(),
  originalCampaignId: IdSchema.nullable(),
  /** UTM parameters of the first and the latest form submission (web capture, ingest). */
  utmFirst: z.record(z.string(), z.string()).nullable().optional(),
  utmLast: z.record(z.string(), z.string()).nullable().optional(),
  stage: StageSchema,
  stageEnteredAt: TimestampSchema,
  ownerId: IdSchema.nullable(),
  sdrId: IdSchema.nullable(),
  fitPoints: z.number().int(),
  fitGrade: z.string().nullable(),
  engagementScore: z.number(),
  engagementAt: TimestampSchema.nullable(),
  predictiveScore: z.number().nullable(),
  definitionVersion: z.number().int().nullable(),
  consent: z.enum(CONSENTS),
  externalIds: ExternalIdsSchema,
  properties: z.record(z.string(), z.unknown()),
  cycle: z.number().int(),
  subscriberAt: TimestampSchema.nullable(),
  leadAt: TimestampSchema.nullable(),
  mqlAt: TimestampSchema.nullable(),
  salAt: TimestampSchema.nullable(),
  sqlAt: TimestampSchema.nullable(),
  opportunityAt: TimestampSchema.nullable(),
  customerAt: TimestampSchema.nullable(),
  rejectedAt: TimestampSchema.nullable(),
  recycledAt: TimestampSchema.nullable(),
  disqualifiedAt: TimestampSchema.nullable(),
  lostAt: TimestampSchema.nullable(),
  noDecisionAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

/** A contact row in lists, with the account name joined in. */
export const ContactListItemSchema = ContactSchema.extend({ accountName: z.string().nullable() });
export type ContactListItem = z.infer<typeof ContactListItemSchema>;

/** The editable fields of a contact (the stage moves only through the lifecycle). */
const editableContactFields = {
  accountId: IdSchema.nullable().optional(),
  email: EmailSchema.nullable().optional(),
  firstName: optionalText(100),
  lastName: optionalText(100),
  title: optionalText(),
  seniority: SenioritySchema.nullable().optional(),
  department: optionalText(100),
  phone: optionalText(50),
  country: optionalText(100),
  persona: optionalText(100),
  source: optionalText(100),
  channel: ChannelSchema.nullable().optional(),
  ownerId: IdSchema.nullable().optional(),
  sdrId: IdSchema.nullable().optional(),
  consent: z.enum(CONSENTS).optional(),
  externalIds: ExternalIdsSchema.optional(),
  properties: PropertiesSchema.optional(),
};

export const CreateContactBodySchema = z
  .object({ ...editableContactFields, originalCampaignId: IdSchema.nullable().optional(), stage: z.enum(["subscriber", "lead"]).optional() })
  .refine((v) => v.email || v.lastName || v.firstName, { message: "give an email or a name", path: ["email"] });
export type CreateContactBody = z.infer<typeof CreateContactBodySchema>;

export const UpdateContactBodySchema = z.object(editableContactFields).refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateContactBody = z.infer<typeof UpdateContactBodySchema>;

export const MoveStageBodySchema = z.object({
  stage: StageSchema,
  reasonCode: z.string().trim().min(1).max(100).optional(),
  note: z.string().trim().max(LIMITS.reason).optional(),
});
export type MoveStageBody = z.infer<typeof MoveStageBodySchema>;

export const CONTACT_SORTS = ["createdAt", "lastName", "stageEnteredAt", "engagementScore", "fitPoints"] as const;
export const ListContactsQuerySchema = listQuerySchema(CONTACT_SORTS).extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  stage: csvQuery(StageSchema).optional(),
  accountId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  sdrId: IdSchema.optional(),
  persona: z.string().max(100).optional(),
  source: z.string().max(100).optional(),
  fitGrade: csvQuery(z.enum(["A", "B", "C", "D"])).optional(),
});
export type ListContactsQuery = z.infer<typeof ListContactsQuerySchema>;
export const ContactPageSchema = pageSchema(ContactListItemSchema);

export const StageTransitionSchema = z.object({
  id: IdSchema,
  fromStage: StageSchema.nullable(),
  toStage: StageSchema,
  at: TimestampSchema,
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorKind: z.string(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
});
export type StageTransition = z.infer<typeof StageTransitionSchema>;

/** One entry of a contact's timeline: a touchpoint or a stage change, newest first. */
export const TimelineEntrySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("touchpoint"),
    id: IdSchema,
    at: TimestampSchema,
    type: z.string(),
    category: z.string(),
    channel: z.string().nullable(),
    campaignId: IdSchema.nullable(),
    campaignName: z.string().nullable(),
    actorName: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal("stage_change"),
    id: IdSchema,
    at: TimestampSchema,
    fromStage: StageSchema.nullable(),
    toStage: StageSchema,
    actorName: z.string().nullable(),
    actorKind: z.string(),
    reasonCode: z.string().nullable(),
    note: z.string().nullable(),
    definitionVersion: z.number().int().nullable(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export const TimelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});
export const TimelineSchema = z.object({ items: z.array(TimelineEntrySchema), nextBefore: z.string().nullable() });

export const ContactDetailSchema = ContactSchema.extend({
  accountName: z.string().nullable(),
  ownerName: z.string().nullable(),
  sdrName: z.string().nullable(),
  originalCampaignName: z.string().nullable(),
  allowedStages: z.array(StageSchema),
  deals: z.array(z.object({ id: IdSchema, name: z.string(), stage: z.string(), amount: z.number(), role: z.string() })),
});
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

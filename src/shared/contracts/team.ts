import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";
import { COMP_PLAN_KINDS } from "../domain/commission.js";

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM");
export const CompPlanKindSchema = z.enum(COMP_PLAN_KINDS);

export const CompPlanSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: CompPlanKindSchema,
  amountPerMeeting: z.number().nullable(),
  ratePercent: z.number().nullable(),
  clawbackDays: z.number().int().nullable(),
  reps: z.array(z.object({ userId: IdSchema, name: z.string() })),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CompPlan = z.infer<typeof CompPlanSchema>;
export const CompPlanListSchema = z.object({ items: z.array(CompPlanSchema) });

const PLAN_FIELDS = {
  name: z.string().trim().min(1).max(100),
  kind: CompPlanKindSchema,
  amountPerMeeting: z.number().min(0).max(1e6).nullable().optional(),
  ratePercent: z.number().min(0).max(100).nullable().optional(),
  clawbackDays: z.number().int().min(0).max(3650).nullable().optional(),
};

/** A per-meeting plan needs its amount; a revenue-share plan its rate and clawback window. */
function planComplete(v: { kind?: string; amountPerMeeting?: number | null; ratePercent?: number | null; clawbackDays?: number | null }, ctx: z.RefinementCtx) {
  if (v.kind === "per_meeting" && (v.amountPerMeeting === undefined || v.amountPerMeeting === null)) ctx.addIssue({ code: "custom", path: ["amountPerMeeting"], message: "a per-meeting plan needs the amount per meeting" });
  if (v.kind === "revenue_share") {
    if (v.ratePercent === undefined || v.ratePercent === null) ctx.addIssue({ code: "custom", path: ["ratePercent"], message: "a revenue-share plan needs its rate" });
    if (v.clawbackDays === undefined || v.clawbackDays === null) ctx.addIssue({ code: "custom", path: ["clawbackDays"], message: "a revenue-share plan needs its clawback window in days" });
  }
}

export const CreateCompPlanBodySchema = z.object(PLAN_FIELDS).superRefine(planComplete);
export type CreateCompPlanBody = z.infer<typeof CreateCompPlanBodySchema>;
/** A changed plan is checked whole: the kind and its fields must still fit together. */
export const UpdateCompPlanBodySchema = z.object(PLAN_FIELDS).partial().refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateCompPlanBody = z.infer<typeof UpdateCompPlanBodySchema>;
export const SetCompPlanRepsBodySchema = z.object({ userIds: z.array(IdSchema).max(200) });
export type SetCompPlanRepsBody = z.infer<typeof SetCompPlanRepsBodySchema>;

export const StatementLineSchema = z.object({ kind: z.enum(["meeting", "deal", "clawback"]), refId: IdSchema, label: z.string(), at: z.string(), base: z.number(), amount: z.number() });

/** A rep's statement for a month: computed from the facts while a draft, frozen once finalised. */
export const CompStatementSchema = z.object({
  userId: IdSchema,
  userName: z.string(),
  month: MonthSchema,
  status: z.enum(["draft", "final"]),
  planId: IdSchema.nullable(),
  planName: z.string(),
  planKind: CompPlanKindSchema,
  lines: z.array(StatementLineSchema),
  total: z.number(),
  finalisedAt: TimestampSchema.nullable(),
});
export type CompStatement = z.infer<typeof CompStatementSchema>;
export const CompStatementListSchema = z.object({ month: MonthSchema, items: z.array(CompStatementSchema) });
export const StatementsQuerySchema = z.object({ month: MonthSchema, userId: IdSchema.optional() });
export const StatementParamsSchema = z.object({ userId: IdSchema, month: MonthSchema });

export const WhatIfQuerySchema = z
  .object({ planA: IdSchema, planB: IdSchema, from: MonthSchema, to: MonthSchema })
  .refine((v) => v.from <= v.to, { message: "must not be after `to`", path: ["from"] })
  .refine((v) => v.from.slice(0, 4) >= String(Number(v.to.slice(0, 4)) - 3), { message: "at most three years back from `to`", path: ["from"] });
export type WhatIfQuery = z.infer<typeof WhatIfQuerySchema>;

const PlanRefSchema = z.object({ id: IdSchema, name: z.string(), kind: CompPlanKindSchema });
/** Both plans on the same history: per SDR and month what each would have paid, and what the SDR did. */
export const WhatIfSchema = z.object({
  planA: PlanRefSchema,
  planB: PlanRefSchema,
  months: z.array(MonthSchema),
  reps: z.array(
    z.object({
      userId: IdSchema,
      name: z.string(),
      acceptedMeetings: z.number().int(),
      sourcedWins: z.number().int(),
      sourcedRevenue: z.number(),
      churned: z.number().int(),
      totalA: z.number(),
      totalB: z.number(),
      months: z.array(z.object({ month: MonthSchema, a: z.number(), b: z.number() })),
    }),
  ),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

/** A range of months (both included) in the workspace's zone, at most three years long; SDR views also take a pod. */
export const ScoreboardQuerySchema = z
  .object({ from: MonthSchema, to: MonthSchema, podId: IdSchema.optional() })
  .refine((v) => v.from <= v.to, { message: "must not be after `to`", path: ["from"] })
  .refine((v) => v.from.slice(0, 4) >= String(Number(v.to.slice(0, 4)) - 3), { message: "at most three years back from `to`", path: ["from"] });
export type ScoreboardQuery = z.infer<typeof ScoreboardQuerySchema>;

/** One SDR's month of the scoreboard: the same counts as the row, for the meetings, deals created and deals won in that month. */
export const ScoreboardMonthSchema = z.object({
  month: MonthSchema,
  meetingsBooked: z.number().int(),
  meetingsAccepted: z.number().int(),
  opportunities: z.number().int(),
  pipeline: z.number(),
  wonDeals: z.number().int(),
  wonRevenue: z.number(),
});
export type ScoreboardMonth = z.infer<typeof ScoreboardMonthSchema>;

/** One SDR's period (docs/WINLOSS-TEAM.md, "SDR scoreboard"): what they booked beside what it became. */
export const ScoreboardRowSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  podId: IdSchema.nullable(),
  podName: z.string().nullable(),
  aeCount: z.number().int().nullable(),
  ratio: z.enum(["understaffed", "ok", "overloaded"]).nullable(),
  meetingsBooked: z.number().int(),
  meetingsAccepted: z.number().int(),
  opportunities: z.number().int(),
  pipeline: z.number(),
  closedDeals: z.number().int(),
  wonDeals: z.number().int(),
  wonRevenue: z.number(),
  /** Accepted ÷ booked meetings. */
  acceptanceRate: z.number().nullable(),
  /** Sourced opportunities ÷ accepted meetings. */
  opportunityRate: z.number().nullable(),
  /** Won ÷ closed sourced deals. */
  winRate: z.number().nullable(),
  /** Won revenue ÷ booked meetings. */
  revenuePerMeeting: z.number().nullable(),
  /** Every month of the period, oldest first (zeros included); they add up to the row. */
  months: z.array(ScoreboardMonthSchema),
});
export type ScoreboardRow = z.infer<typeof ScoreboardRowSchema>;

/** Per SDR in the period: meetings, what sales accepted, the pipeline and revenue they sourced, and their pod's ratio. */
export const ScoreboardSchema = z.object({ from: MonthSchema, to: MonthSchema, timezone: z.string(), reps: z.array(ScoreboardRowSchema) });
export type Scoreboard = z.infer<typeof ScoreboardSchema>;

export const PASSED_LEAD_STATUSES = ["pending", "rejected", "accepted", "opportunity", "won", "lost", "no_decision"] as const;
export type PassedLeadStatus = (typeof PASSED_LEAD_STATUSES)[number];
export const LEAD_SLA_VERDICTS = ["met", "breached", "open"] as const;

export const PassedLeadsQuerySchema = z
  .object({
    from: MonthSchema,
    to: MonthSchema,
    /** Whose leads: managers pick any SDR; an SDR gets their own (another SDR's is a 403). */
    sdrId: IdSchema.optional(),
    status: z.enum(PASSED_LEAD_STATUSES).optional(),
    campaignId: IdSchema.optional(),
    sla: z.enum(LEAD_SLA_VERDICTS).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((v) => v.from <= v.to, { message: "must not be after `to`", path: ["from"] })
  .refine((v) => v.from.slice(0, 4) >= String(Number(v.to.slice(0, 4)) - 3), { message: "at most three years back from `to`", path: ["from"] });
export type PassedLeadsQuery = z.infer<typeof PassedLeadsQuerySchema>;

/** A lead the SDR passed to sales and what became of it (docs/WINLOSS-TEAM.md, "My leads"). */
export const PassedLeadSchema = z.object({
  contactId: IdSchema,
  name: z.string(),
  accountName: z.string().nullable(),
  passedAt: TimestampSchema,
  ownerName: z.string().nullable(),
  campaignId: IdSchema.nullable(),
  campaignName: z.string().nullable(),
  status: z.enum(PASSED_LEAD_STATUSES),
  /** Why sales rejected it (the last rejection), from the reject taxonomy. */
  rejectReasonCode: z.string().nullable(),
  rejectReasonLabel: z.string().nullable(),
  /** The accept SLA of the handoff: met in time, breached, or still running. */
  sla: z.enum(LEAD_SLA_VERDICTS).nullable(),
  dealId: IdSchema.nullable(),
  dealName: z.string().nullable(),
  dealAmount: z.number().nullable(),
  /** Why its deal was lost or ended in no decision. */
  lossReasonCode: z.string().nullable(),
  lossReasonLabel: z.string().nullable(),
  wonRevenue: z.number(),
});
export type PassedLead = z.infer<typeof PassedLeadSchema>;

/** A campaign the SDR's passed leads came from, with how sales took them and what they won. */
export const LeadCampaignSchema = z.object({
  campaignId: IdSchema.nullable(),
  name: z.string(),
  passed: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Accepted ÷ (accepted + rejected); undecided leads are left out. */
  acceptedRate: z.number().nullable(),
  won: z.number().int(),
  wonRevenue: z.number(),
});
export type LeadCampaign = z.infer<typeof LeadCampaignSchema>;

/** What became of every lead an SDR passed in the period, and the campaigns their best leads came from. */
export const PassedLeadsSchema = z.object({
  sdr: z.object({ userId: IdSchema, name: z.string() }),
  from: MonthSchema,
  to: MonthSchema,
  timezone: z.string(),
  /** Per status over every lead passed in the period (filters other than the period left aside). */
  counts: z.record(z.enum(PASSED_LEAD_STATUSES), z.number().int()),
  total: z.number().int(),
  leads: z.array(PassedLeadSchema),
  campaigns: z.array(LeadCampaignSchema),
});
export type PassedLeads = z.infer<typeof PassedLeadsSchema>;

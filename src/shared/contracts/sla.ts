import { z } from "zod";
import { BusinessCalendarSchema } from "./business-calendar.js";
import { DateOnlySchema, IdSchema, TimestampSchema, nameField } from "./common.js";

/** The longest SLA a policy may set: 60 business days of 24 hours. */
const MAX_MINUTES = 60 * 24 * 60;
const minutes = z.number().int().min(0).max(MAX_MINUTES);

/** The ladder after a breach (business minutes after due); null leaves a step out. */
export const EscalationSchema = z.object({
  remindOwnerAfterMinutes: minutes.nullable(),
  notifyManagerAfterMinutes: minutes.nullable(),
  reassignAfterMinutes: minutes.nullable(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

/** A sales-side timer: due N business minutes after it starts, warning at a fraction of that. */
export const TimerTermsSchema = z
  .object({
    dueMinutes: z.number().int().min(1).max(MAX_MINUTES),
    warnFraction: z.number().gt(0).lt(1),
    escalation: EscalationSchema,
  })
  .superRefine((t, ctx) => {
    const e = t.escalation;
    const order = [
      ["remindOwnerAfterMinutes", e.remindOwnerAfterMinutes],
      ["notifyManagerAfterMinutes", e.notifyManagerAfterMinutes],
      ["reassignAfterMinutes", e.reassignAfterMinutes],
    ] as const;
    let last = -1;
    for (const [key, v] of order) {
      if (v === null) continue;
      if (v < last) ctx.addIssue({ code: "custom", message: "must not come before an earlier step of the ladder", path: ["escalation", key] });
      last = v;
    }
  });
export type TimerTerms = z.infer<typeof TimerTermsSchema>;

/** Recycling an accepted lead needs this many sales attempts spread over at least this much business time. */
export const RecycleTermsSchema = z.object({
  minAttempts: z.number().int().min(1).max(50),
  overBusinessMinutes: minutes,
});
export type RecycleTerms = z.infer<typeof RecycleTermsSchema>;

export const SEGMENT_FIELDS = ["region", "country", "industry", "source", "channel", "persona"] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Marketing's promise per period and segment: enough MQLs, and MQLs good enough that sales accepts them. */
export const MqlTargetTermsSchema = z.object({
  period: z.enum(["month", "quarter"]),
  segment: z.object({ field: z.enum(SEGMENT_FIELDS), value: z.string().trim().min(1).max(120) }).nullable(),
  mqlTarget: z.number().int().min(0).max(10_000_000),
  minAcceptanceRate: z.number().min(0).max(1),
});
export type MqlTargetTerms = z.infer<typeof MqlTargetTermsSchema>;

export const SLA_KINDS = ["accept", "first_touch", "recycle_attempts", "mql_target"] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

/** Which side makes the promise. */
export const SLA_SIDE: Record<SlaKind, "sales" | "marketing"> = { accept: "sales", first_touch: "sales", recycle_attempts: "sales", mql_target: "marketing" };

/** Plain-words names of the kinds. */
export const SLA_KIND_LABELS: Record<SlaKind, string> = {
  accept: "Accept or reject an MQL",
  first_touch: "First touch after accepting",
  recycle_attempts: "Attempts before recycling",
  mql_target: "MQL volume and acceptance rate",
};

export const TERMS_SCHEMAS = { accept: TimerTermsSchema, first_touch: TimerTermsSchema, recycle_attempts: RecycleTermsSchema, mql_target: MqlTargetTermsSchema } as const;

/** Defaults from DESIGN §6.4 (and, for marketing, a starting point a team adjusts). */
export const DEFAULT_TERMS = {
  accept: { dueMinutes: 240, warnFraction: 0.75, escalation: { remindOwnerAfterMinutes: 60, notifyManagerAfterMinutes: 240, reassignAfterMinutes: null } },
  first_touch: { dueMinutes: 480, warnFraction: 0.75, escalation: { remindOwnerAfterMinutes: 120, notifyManagerAfterMinutes: 480, reassignAfterMinutes: null } },
  recycle_attempts: { minAttempts: 3, overBusinessMinutes: 5 * 8 * 60 },
  mql_target: { period: "month", segment: null, mqlTarget: 100, minAcceptanceRate: 0.5 },
} satisfies { accept: TimerTerms; first_touch: TimerTerms; recycle_attempts: RecycleTerms; mql_target: MqlTargetTerms };

const policyBase = { name: nameField(120).optional(), teamId: IdSchema.nullable().optional(), enabled: z.boolean().optional() };

/** Body of POST /sla-policies: the kind decides the shape of `terms`. */
export const CreateSlaPolicyBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept"), terms: TimerTermsSchema, ...policyBase }),
  z.object({ kind: z.literal("first_touch"), terms: TimerTermsSchema, ...policyBase }),
  z.object({ kind: z.literal("recycle_attempts"), terms: RecycleTermsSchema, ...policyBase }),
  z.object({ kind: z.literal("mql_target"), terms: MqlTargetTermsSchema, ...policyBase }),
]);
export type CreateSlaPolicyBody = z.infer<typeof CreateSlaPolicyBodySchema>;

/** Body of PATCH /sla-policies/:id: `terms` is checked against the policy's kind. */
export const UpdateSlaPolicyBodySchema = z
  .object({ name: nameField(120), enabled: z.boolean(), terms: z.record(z.string(), z.unknown()) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to update" });
export type UpdateSlaPolicyBody = z.infer<typeof UpdateSlaPolicyBodySchema>;

export const SlaPolicySchema = z.object({
  id: IdSchema,
  kind: z.enum(SLA_KINDS),
  side: z.enum(["sales", "marketing"]),
  name: z.string(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  terms: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/** Body of PUT /business-calendars/default and /business-calendars/teams/:teamId. */
export const PutCalendarBodySchema = z.object({ name: nameField(120).optional(), calendar: BusinessCalendarSchema });
export type PutCalendarBody = z.infer<typeof PutCalendarBodySchema>;

export const CalendarSchema = z.object({
  id: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  name: z.string(),
  calendar: BusinessCalendarSchema,
  /** False for the built-in default a workspace has until an admin saves its own. */
  stored: z.boolean(),
});
export const CalendarsResponseSchema = z.object({ default: CalendarSchema, teams: z.array(CalendarSchema) });

export const TIMER_STATES = ["running", "met", "breached", "cancelled"] as const;

export const SlaTimerSchema = z.object({
  id: IdSchema,
  kind: z.enum(SLA_KINDS),
  policyId: IdSchema,
  contactId: IdSchema,
  contactName: z.string(),
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  state: z.enum(TIMER_STATES),
  startedAt: TimestampSchema,
  warnAt: TimestampSchema,
  dueAt: TimestampSchema,
  metAt: TimestampSchema.nullable(),
  breachedAt: TimestampSchema.nullable(),
  escalatedAt: TimestampSchema.nullable(),
  reassignedAt: TimestampSchema.nullable(),
  cancelReason: z.string().nullable(),
  /** Business minutes left until due (negative when overdue) for a running timer. */
  businessMinutesLeft: z.number().nullable(),
});
export type SlaTimer = z.infer<typeof SlaTimerSchema>;

export const ListTimersQuerySchema = z.object({
  state: z.enum(TIMER_STATES).optional(),
  kind: z.enum(SLA_KINDS).optional(),
  ownerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListTimersQuery = z.infer<typeof ListTimersQuerySchema>;

/** A period of the ledger: from (inclusive) to (exclusive), as dates in the workspace's time zone. */
export const LedgerQuerySchema = z
  .object({ from: DateOnlySchema.optional(), to: DateOnlySchema.optional() })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] });
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

const AttainmentSchema = z.object({
  onTime: z.number().int(),
  breached: z.number().int(),
  open: z.number().int(),
  /** onTime ÷ (onTime + breached); null when nothing was due. */
  attainment: z.number().nullable(),
  /** Median business minutes from start to met, of the met timers. */
  medianMinutes: z.number().nullable(),
});

export const LedgerResponseSchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  sales: z.object({
    byKind: z.array(AttainmentSchema.extend({ kind: z.enum(SLA_KINDS), label: z.string() })),
    byTeam: z.array(AttainmentSchema.extend({ kind: z.enum(SLA_KINDS), teamId: IdSchema.nullable(), teamName: z.string() })),
    byOwner: z.array(AttainmentSchema.extend({ kind: z.enum(SLA_KINDS), ownerId: IdSchema.nullable(), ownerName: z.string(), teamName: z.string().nullable() })),
  }),
  marketing: z.array(
    z.object({
      policyId: IdSchema,
      name: z.string(),
      segment: z.string().nullable(),
      periodStart: DateOnlySchema,
      periodEnd: DateOnlySchema,
      mqls: z.number().int(),
      mqlTarget: z.number().int(),
      /** The volume expected by now if MQLs came evenly through the period. */
      expectedByNow: z.number(),
      /** mqls ÷ expectedByNow; ≥ 1 is on pace. */
      pace: z.number().nullable(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      pending: z.number().int(),
      acceptanceRate: z.number().nullable(),
      minAcceptanceRate: z.number(),
      /** Met at period end, or on pace so far for the running period. */
      status: z.enum(["met", "missed", "on_track", "behind"]),
      final: z.boolean(),
    }),
  ),
  breaches: z.array(
    z.object({
      timerId: IdSchema,
      kind: z.enum(SLA_KINDS),
      contactId: IdSchema,
      contactName: z.string(),
      ownerName: z.string().nullable(),
      teamName: z.string().nullable(),
      dueAt: TimestampSchema,
      metAt: TimestampSchema.nullable(),
      /** Business minutes past due when met, or until now when still open. */
      lateMinutes: z.number(),
      escalated: z.boolean(),
      reassigned: z.boolean(),
    }),
  ),
});
export type LedgerResponse = z.infer<typeof LedgerResponseSchema>;

import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { SLA_KINDS } from "../sla.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM");
const TimerKindSchema = z.enum(SLA_KINDS).exclude(["mql_target"]);

/** Sales-side timers due in a slice of the period and how they ended (the ledger's rule). */
export const SalesSlaFiguresSchema = z.object({
  onTime: z.number().int(),
  breached: z.number().int(),
  /** Not yet due, or stopped before being met (reassigned). */
  open: z.number().int(),
  /** onTime ÷ (onTime + breached); null when nothing was decided. */
  attainment: z.number().nullable(),
});
export type SalesSlaFigures = z.infer<typeof SalesSlaFiguresSchema>;

/** `kind` null: every sales-side kind together. */
const KindSlice = { kind: TimerKindSchema.nullable() };

export const MarketingSlaFiguresSchema = z.object({
  /** Target periods (per policy) that ended inside the report period and were evaluated. */
  evaluated: z.number().int(),
  met: z.number().int(),
  /** met ÷ evaluated; null when none was evaluated. */
  attainment: z.number().nullable(),
});

export const MarketingPeriodSchema = z.object({
  policyId: IdSchema,
  name: z.string(),
  segment: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  mqls: z.number().int(),
  mqlTarget: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  acceptanceRate: z.number().nullable(),
  minAcceptanceRate: z.number().nullable(),
  met: z.boolean(),
});

export const SlaAttainmentSchema = z.object({
  sales: z.object({
    overall: SalesSlaFiguresSchema,
    byKind: z.array(SalesSlaFiguresSchema.extend({ kind: TimerKindSchema, label: z.string() })),
    byMonth: z.array(SalesSlaFiguresSchema.extend({ month: z.string(), ...KindSlice })),
    byTeam: z.array(SalesSlaFiguresSchema.extend({ teamId: IdSchema.nullable(), teamName: z.string(), ...KindSlice })),
    byRep: z.array(SalesSlaFiguresSchema.extend({ ownerId: IdSchema.nullable(), ownerName: z.string(), ...KindSlice })),
  }),
  marketing: MarketingSlaFiguresSchema.extend({
    byMonth: z.array(MarketingSlaFiguresSchema.extend({ month: z.string() })),
    periods: z.array(MarketingPeriodSchema),
  }),
});
export type SlaAttainment = z.infer<typeof SlaAttainmentSchema>;

export const SlaAttainmentQuerySchema = reportQuerySchema({});

/**
 * Which number to open. `side=sales`: the timers due in the period, optionally of one `kind`, one `outcome`, one due
 * `month`, one owner (`ownerId`, `none` for unowned) — the team is the `teamId` filter. `side=marketing`: the
 * evaluated target periods, optionally of one `month` and `met` or not.
 */
export const SlaAttainmentRecordsQuerySchema = reportQuerySchema({
  side: z.enum(["sales", "marketing"]),
  kind: TimerKindSchema.optional(),
  outcome: z.enum(["onTime", "breached", "open"]).optional(),
  month: MonthSchema.optional(),
  ownerId: z.union([IdSchema, z.literal("none")]).optional(),
  met: z.enum(["true", "false"]).optional(),
  ...DrillPageQuerySchema.shape,
});
export type SlaAttainmentRecordsQuery = z.infer<typeof SlaAttainmentRecordsQuerySchema>;

export const SlaTimerRecordSchema = z.object({
  kind: z.literal("timer"),
  id: IdSchema,
  timerKind: TimerKindSchema,
  contactId: IdSchema,
  contactName: z.string(),
  ownerName: z.string().nullable(),
  teamName: z.string().nullable(),
  startedAt: TimestampSchema,
  dueAt: TimestampSchema,
  metAt: TimestampSchema.nullable(),
  breachedAt: TimestampSchema.nullable(),
  state: z.string(),
  outcome: z.enum(["onTime", "breached", "open"]),
});
export const SlaPeriodRecordSchema = MarketingPeriodSchema.extend({ kind: z.literal("period") });
export const SlaAttainmentRecordsSchema = z.object({
  items: z.array(z.discriminatedUnion("kind", [SlaTimerRecordSchema, SlaPeriodRecordSchema])),
  total: z.number().int(),
});
export type SlaAttainmentRecords = z.infer<typeof SlaAttainmentRecordsSchema>;

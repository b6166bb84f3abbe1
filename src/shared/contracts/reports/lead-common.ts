import { z } from "zod";
import { MAIN_STAGES } from "../../domain/lifecycle.js";

/** The first stage of a funnel pair: every main stage but `customer` (the pair is this stage → the next one). */
export const PairStartSchema = z.enum(["subscriber", "lead", "mql", "sal", "sql", "opportunity"]);
export type PairStart = z.infer<typeof PairStartSchema>;

export const MainStageSchema = z.enum(MAIN_STAGES);

/** A cohort month `YYYY-MM` in the workspace's time zone. */
export const CohortMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");

/** A ratio whose denominator may be zero: null then (never 0 or infinity). */
export const RatioSchema = z.number().nullable();

/** `true`/`false` in a query string. */
export const QueryFlagSchema = z.enum(["true", "false"]).transform((v) => v === "true");

import { z } from "zod";

/** How a raw column becomes features: standardised number, one-hot category, or 0/1 flag. */
export const COLUMN_KINDS = ["numeric", "categorical", "boolean"] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A raw input column and how to encode it. */
export type ColumnSpec = { name: string; kind: ColumnKind };

/** A raw cell as it comes from a CSV or a database row. */
export type RawValue = string | number | boolean | null | undefined;

/** A raw input row keyed by column name. */
export type RawRow = Readonly<Record<string, RawValue>>;

/** The category a missing categorical value (null, undefined, blank) is counted under. */
export const MISSING_CATEGORY = "(missing)";

/** A numeric column: standardised with the training mean and std. */
export const NumericColumnSchema = z.object({ kind: z.literal("numeric"), name: z.string(), mean: z.number(), std: z.number().positive() });
/** A categorical column: one-hot over the training categories. */
export const CategoricalColumnSchema = z.object({ kind: z.literal("categorical"), name: z.string(), categories: z.array(z.string()) });
/** A 0/1 flag column. */
export const BooleanColumnSchema = z.object({ kind: z.literal("boolean"), name: z.string() });
/** Any fitted column. */
export const FittedColumnSchema = z.discriminatedUnion("kind", [NumericColumnSchema, CategoricalColumnSchema, BooleanColumnSchema]);

/** A fitted encoding (statistics from the training split), serialisable as JSON and re-applied to new rows. */
export const FeatureSpecSchema = z.object({ version: z.literal(1), columns: z.array(FittedColumnSchema) });

/** A fitted column of a FeatureSpec. */
export type FittedColumn = z.infer<typeof FittedColumnSchema>;
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

/** One encoded feature: its readable name (`age`, `job=retired`) and the column it comes from. */
export type FeatureInfo = { name: string; column: string; category?: string };

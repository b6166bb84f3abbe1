import { z } from "zod";
import { LIMITS } from "../limits.js";

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });
export type IdParams = z.infer<typeof IdParamsSchema>;

/** A timestamp in responses: a Date on the server, an ISO-8601 string on the wire. */
export const TimestampSchema = z.date();
/** A calendar date `YYYY-MM-DD`. */
export const DateOnlySchema = z.iso.date();

/** A timestamp accepted in requests: ISO-8601, turned into a Date. */
export const TimestampInputSchema = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const ErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** Query fields every list endpoint takes: a sort key, a page size and an opaque cursor. */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortKeys: S) {
  const sorts = sortKeys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z.object({
    sort: z.enum(sorts).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
    cursor: z.string().max(500).optional(),
  });
}

/** The `{ items, nextCursor }` page every list endpoint returns. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** A trimmed, bounded, non-empty string. */
export const nameField = (max: number = LIMITS.name) => z.string().trim().min(1).max(max);
/** An optional text field where an empty string means "clear". */
export const optionalText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** An e-mail address, lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .max(LIMITS.email)
  .pipe(z.email())
  .transform((v) => v.toLowerCase());

/** Free-form JSON properties with a bounded size. */
export const PropertiesSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => Object.keys(v).length <= LIMITS.properties.keys, `at most ${LIMITS.properties.keys} keys`)
  .refine((v) => JSON.stringify(v).length <= LIMITS.properties.bytes, `at most ${LIMITS.properties.bytes} bytes`);

export const ExternalIdsSchema = z.record(z.string().max(50), z.string().max(200));

/** A boolean query flag: `true`/`false`/`1`/`0`. */
export const QueryBooleanSchema = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** A comma-separated list in a query string. */
export function csvQuery<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .max(2000)
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));
}

/** A response type as it arrives over JSON: Dates become ISO strings. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

import { sql, type Column, type SQL } from "drizzle-orm";

/** The PostgreSQL element types bulk statements pass arrays of. */
export type ArrayElementType = "uuid" | "text" | "int" | "bigint" | "float8" | "timestamptz" | "jsonb" | "boolean";

/**
 * One array parameter, cast: `$1::uuid[]`. A 1,000-value list sent as 1,000 parameters (drizzle's `inArray`, a
 * multi-row `values`) costs PostgreSQL a parse and plan of every one; an array is one parameter however long.
 */
export function arrayParam(values: readonly unknown[], type: ArrayElementType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/** `column = any($1::type[])`: membership in a list of any length as one parameter (see arrayParam). */
export function anyOf(column: Column | SQL, values: readonly unknown[], type: ArrayElementType): SQL {
  return sql`${column} = any(${arrayParam(values, type)})`;
}

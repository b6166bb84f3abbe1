import { timestamp, uuid } from "drizzle-orm/pg-core";

/** `workspace_id uuid not null`: the tenant column every tenant table leads with. */
export const workspaceId = () => uuid("workspace_id").notNull();

/** A timestamptz column read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Set-based writers for accounts and contacts. Imports write these tables directly, in bulk, instead of calling the
 * crm service once per row: a million rows through per-row services would take hours (docs/IMPORTS.md, P7). The
 * rules they keep are the crm module's: dedupe keys, stage timestamps, the first stage transition.
 */
import type { PoolClient } from "pg";
import type { Tx } from "../../db/client.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { CellValue } from "../../../shared/domain/imports.js";
import { MAIN_STAGES } from "../../../shared/domain/lifecycle.js";
import { collectOutcome, externalIdsExpr, skipDuplicates, stageRows, type StagedRow, type StagingColumn, type WriteOutcome } from "./staging.js";

/** What a writer needs besides the rows: the tenant, the source whose external ids it keys on, the time, the actor. */
export type WriteContext = { workspaceId: string; source: "hubspot" | "salesforce" | "csv"; now: Date; actorUserId: string | null; actorRole: Role | null };

/** A row's parsed values after a writer's own mapping, or why the row fails. */
export type RowCheck = (values: Record<string, CellValue | undefined>) => { values: Record<string, CellValue | undefined> } | { error: string };

/**
 * A writer: stages a chunk's valid rows, resolves each to an existing record or a new one, writes, and reports.
 * `prepare` (once per run) returns the per-row mapping that needs the workspace (reason taxonomy, the importer's role).
 */
export type Writer = {
  ids: number;
  prepare?(ctx: WriteContext): Promise<RowCheck>;
  write(client: PoolClient, ctx: WriteContext, rows: readonly StagedRow[], tx: Tx): Promise<WriteOutcome>;
};

const t = (name: string): StagingColumn => ({ name, type: "text" });

// Resolution by external id first (the source system's identity), then by the natural key.
export async function resolve(client: PoolClient, table: string, target: string, ctx: WriteContext, naturalKey: string) {
  await client.query(
    `update ${table} s set target_id = r.id from ${target} r
     where r.workspace_id = $1 and s.external_id is not null and r.external_ids ? '${ctx.source}' and r.external_ids ->> '${ctx.source}' = s.external_id`,
    [ctx.workspaceId],
  );
  await client.query(`update ${table} s set target_id = r.id from ${target} r where s.target_id is null and r.workspace_id = $1 and ${naturalKey}`, [ctx.workspaceId]);
}

/** Accounts: deduped by external id, then domain. */
export const accountsWriter: Writer = {
  ids: 1,
  async write(client, ctx, rows) {
    const cols: StagingColumn[] = [t("externalId"), t("name"), t("domain"), t("industry"), { name: "employees", type: "int" }, { name: "annualRevenue", type: "numeric" }, t("country"), t("region"), { name: "ownerId", type: "uuid" }];
    await stageRows(client, "imp_accounts", ["new_id"], cols, rows);
    await resolve(client, "imp_accounts", "accounts", ctx, "s.domain is not null and r.domain = s.domain");
    await client.query(
      `update imp_accounts s set outcome = 'failed', reason = 'the domain ' || s.domain || ' belongs to another account than the external id'
       from accounts r where s.target_id is not null and s.domain is not null and r.workspace_id = $1 and r.domain = s.domain and r.id <> s.target_id`,
      [ctx.workspaceId],
    );
    await skipDuplicates(client, "imp_accounts", ["'d:' || domain", "'x:' || external_id"]);
    await client.query(
      `insert into accounts (workspace_id, id, name, domain, industry, employees, annual_revenue, country, region, owner_id, external_ids, created_at, updated_at)
       select $1, s.new_id, s.name, s.domain, s.industry, s.employees, s.annual_revenue, s.country, s.region, s.owner_id, ${externalIdsExpr(ctx.source)}, $2, $2
       from imp_accounts s where s.target_id is null and s.outcome is null`,
      [ctx.workspaceId, ctx.now],
    );
    await client.query(
      `update accounts a set name = coalesce(s.name, a.name), domain = coalesce(s.domain, a.domain), industry = coalesce(s.industry, a.industry),
         employees = coalesce(s.employees, a.employees), annual_revenue = coalesce(s.annual_revenue, a.annual_revenue), country = coalesce(s.country, a.country),
         region = coalesce(s.region, a.region), owner_id = coalesce(s.owner_id, a.owner_id), external_ids = a.external_ids || ${externalIdsExpr(ctx.source)}, updated_at = $2
       from imp_accounts s where a.workspace_id = $1 and a.id = s.target_id and s.outcome is null`,
      [ctx.workspaceId, ctx.now],
    );
    return collectOutcome(client, "imp_accounts");
  },
};

const stampColumns = MAIN_STAGES.map((s) => `${s}_at`);

/** Contacts: deduped by external id, then e-mail; linked to their account by its external id, else by domain. */
export const contactsWriter: Writer = {
  ids: 2,
  async write(client, ctx, rows) {
    const cols: StagingColumn[] = [t("externalId"), t("email"), t("firstName"), t("lastName"), t("title"), t("phone"), t("country"), t("department"), t("source"), t("stage"), { name: "ownerId", type: "uuid" }, t("accountExternalId"), t("accountDomain")];
    await stageRows(client, "imp_contacts", ["new_id", "transition_id"], cols, rows, "account_id uuid");
    // An erased person stays erased: the suppression list holds SHA-256 of "<workspace id>:<lower-cased e-mail>".
    await client.query(
      `update imp_contacts s set outcome = 'skipped', reason = 'this person was erased (GDPR); the contact is not recreated'
       from suppressions x where s.outcome is null and s.email is not null and x.workspace_id = $1
         and x.email_hash = encode(sha256(convert_to($1::text || ':' || lower(btrim(s.email)), 'UTF8')), 'hex')`,
      [ctx.workspaceId],
    );
    await resolve(client, "imp_contacts", "contacts", ctx, "s.email is not null and r.email = s.email");
    await client.query(
      `update imp_contacts s set outcome = 'failed', reason = 'the e-mail ' || s.email || ' belongs to another contact than the external id'
       from contacts r where s.target_id is not null and s.email is not null and r.workspace_id = $1 and r.email = s.email and r.id <> s.target_id`,
      [ctx.workspaceId],
    );
    await skipDuplicates(client, "imp_contacts", ["'e:' || email", "'x:' || external_id"]);
    await client.query(
      `update imp_contacts s set account_id = a.id from accounts a
       where a.workspace_id = $1 and s.account_external_id is not null and a.external_ids ? '${ctx.source}' and a.external_ids ->> '${ctx.source}' = s.account_external_id`,
      [ctx.workspaceId],
    );
    await client.query(
      `update imp_contacts s set account_id = a.id from accounts a
       where s.account_id is null and a.workspace_id = $1 and a.domain = coalesce(s.account_domain, split_part(s.email, '@', 2))`,
      [ctx.workspaceId],
    );
    // The file's stage applies to new contacts; an existing contact moves only through the lifecycle rules.
    await client.query(
      `insert into contacts (workspace_id, id, account_id, email, first_name, last_name, title, phone, country, department, source, stage, stage_entered_at,
         ${stampColumns.join(", ")}, owner_id, external_ids, created_at, updated_at)
       select $1, s.new_id, s.account_id, s.email, s.first_name, s.last_name, s.title, s.phone, s.country, s.department, s.source, coalesce(s.stage, 'lead'), $2,
         ${MAIN_STAGES.map((st) => `case when coalesce(s.stage, 'lead') = '${st}' then $2::timestamptz end`).join(", ")},
         s.owner_id, ${externalIdsExpr(ctx.source)}, $2, $2
       from imp_contacts s where s.target_id is null and s.outcome is null`,
      [ctx.workspaceId, ctx.now],
    );
    await client.query(
      `insert into stage_transitions (workspace_id, id, contact_id, from_stage, to_stage, at, actor_user_id, actor_kind, note)
       select $1, s.transition_id, s.new_id, null, coalesce(s.stage, 'lead'), $2, $3, 'import', 'imported'
       from imp_contacts s where s.target_id is null and s.outcome is null`,
      [ctx.workspaceId, ctx.now, ctx.actorUserId],
    );
    await client.query(
      `update contacts c set email = coalesce(s.email, c.email), first_name = coalesce(s.first_name, c.first_name), last_name = coalesce(s.last_name, c.last_name),
         title = coalesce(s.title, c.title), phone = coalesce(s.phone, c.phone), country = coalesce(s.country, c.country), department = coalesce(s.department, c.department),
         source = coalesce(c.source, s.source), account_id = coalesce(s.account_id, c.account_id), owner_id = coalesce(s.owner_id, c.owner_id),
         external_ids = c.external_ids || ${externalIdsExpr(ctx.source)}, updated_at = $2
       from imp_contacts s where c.workspace_id = $1 and c.id = s.target_id and s.outcome is null`,
      [ctx.workspaceId, ctx.now],
    );
    return collectOutcome(client, "imp_contacts");
  },
};

import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { AgreementChange } from "../../shared/contracts/reports/outcome-reasons.js";
import type { DefinitionBody } from "../../shared/contracts/agreement.js";
import { diffDefinitions } from "../../shared/domain/definition-diff.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";

type Row = DefinitionBody & {
  id: string;
  version: number;
  activatedAt: Date;
  notes: string | null;
  marketingApprover: string | null;
  salesApprover: string | null;
};

const BODY = sql`fit_rules as "fitRules", grade_thresholds as "gradeThresholds", engagement_rules as "engagementRules", half_life_days as "halfLifeDays", mql_rule as "mqlRule"`;

/** The lead-definition versions activated in the period, each with its approvers and what it changed from the version before. */
export async function agreementChanges(tx: Queryable, workspaceId: string, period: ResolvedPeriod): Promise<AgreementChange[]> {
  const activated = await tx.execute<Row>(sql`
    select d.id, d.version, d.activated_at as "activatedAt", d.notes, ${BODY},
           mu.name as "marketingApprover", su.name as "salesApprover"
    from lead_definitions d
    left join users mu on mu.id = d.marketing_approved_by
    left join users su on su.id = d.sales_approved_by
    where d.workspace_id = ${workspaceId} and d.activated_at is not null and ${inPeriod(sql`d.activated_at`, period)}
    order by d.activated_at`);
  const out: AgreementChange[] = [];
  for (const v of activated.rows) {
    // The version in force just before this one took effect.
    const before = await tx.execute<DefinitionBody>(sql`
      select ${BODY} from lead_definitions
      where workspace_id = ${workspaceId} and activated_at is not null and activated_at < ${new Date(v.activatedAt).toISOString()}::timestamptz
      order by activated_at desc limit 1`);
    const prev = before.rows[0];
    out.push({
      id: v.id,
      version: v.version,
      activatedAt: new Date(v.activatedAt).toISOString(),
      marketingApprover: v.marketingApprover,
      salesApprover: v.salesApprover,
      notes: v.notes,
      changes: prev ? diffDefinitions(prev, v) : [{ kind: "added", area: "mql", text: "first agreed definition" }],
    });
  }
  return out;
}

/**
 * A hand-built workspace for the predictive model: the outcome depends on the account's industry (software wins,
 * education loses, with a few exceptions each way), engagement before the hand-off is the same for everyone, and
 * winners get many sales meetings after it and their accounts now read "customer" — bait that only a model leaking
 * what happened after the hand-off would take.
 */
import type pg from "pg";
import { newId } from "../src/server/platform/ids.js";

const DAY = 86_400_000;

type Row = Record<string, unknown>;

async function insertRows(pool: pg.Pool, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const values: unknown[] = [];
  const tuples = rows.map((r) => `(${cols.map((c) => `$${values.push(r[c] ?? null)}`).join(", ")})`);
  await pool.query(`insert into ${table} (${cols.join(", ")}) values ${tuples.join(", ")}`, values);
}

export type PredictiveSeed = {
  /** Contacts that count as won / lost, as the definition in docs/PREDICTIVE.md counts them. */
  positives: number;
  negatives: number;
  /** Open leads (no outcome) at a software and an education account. */
  openSoftwareLeadId: string;
  openEducationLeadId: string;
  /** A contact rejected first and won later: a positive. */
  rejectedThenWonId: string;
};

type Outcome = "customer" | "won_deal" | "rejected" | "disqualified" | "lost" | "no_decision" | "lost_deal";

/**
 * Seeds `won` winners and `lost` losers (`flip` of each at the "wrong" industry) plus open leads, through the owner
 * connection at fixed times before `now`.
 */
export async function seedPredictiveWorkspace(pool: pg.Pool, workspaceId: string, now: Date, opts: { won?: number; lost?: number; flip?: number; tag?: string } = {}): Promise<PredictiveSeed> {
  const won = opts.won ?? 40;
  const lost = opts.lost ?? 40;
  const flip = opts.flip ?? 4;
  const tag = opts.tag ?? newId().slice(-6);
  const t = (days: number) => new Date(now.getTime() - days * DAY);
  const accounts: Row[] = [];
  const contacts: Row[] = [];
  const deals: Row[] = [];
  const touches: Row[] = [];
  const transitions: Row[] = [];
  const LOSSES: Outcome[] = ["rejected", "disqualified", "lost", "no_decision", "lost_deal"];

  function addContact(n: string, industry: string, outcome: Outcome | null, extra: Row = {}) {
    const accountId = newId();
    const contactId = newId();
    accounts.push({ workspace_id: workspaceId, id: accountId, name: `${industry} ${n} ${tag}`, industry, employees: 300, annual_revenue: 5_000_000, region: "EMEA", customer_status: outcome === "customer" || outcome === "won_deal" ? "customer" : "prospect", created_at: t(200), updated_at: t(1) });
    const handedOff = { mql_at: t(60), sal_at: t(58), opportunity_at: t(50) };
    const byOutcome: Record<Outcome, [string, Row]> = {
      customer: ["customer", { ...handedOff, customer_at: t(10) }],
      rejected: ["rejected", { mql_at: t(60), rejected_at: t(55) }],
      disqualified: ["disqualified", { mql_at: t(60), disqualified_at: t(55) }],
      lost: ["lost", { ...handedOff, lost_at: t(10) }],
      no_decision: ["no_decision", { ...handedOff, no_decision_at: t(10) }],
      // Imported history without the contact's own stamps: the closed deal decides, the transition dates the hand-off.
      won_deal: ["opportunity", {}],
      lost_deal: ["opportunity", {}],
    };
    const [stage, stamps] = outcome ? byOutcome[outcome] : ["lead", {}];
    contacts.push({ workspace_id: workspaceId, id: contactId, account_id: accountId, email: `c${n}-${tag}@${industry}-${n}.example`, seniority: "manager", stage, stage_entered_at: t(10), created_at: t(150), updated_at: t(1), lead_at: t(120), ...stamps, ...extra });
    const isWin = outcome === "customer" || outcome === "won_deal";
    if (isWin || outcome === "lost_deal") {
      deals.push({ workspace_id: workspaceId, id: newId(), account_id: accountId, primary_contact_id: contactId, name: `Deal ${n}`, stage: isWin ? "closed_won" : "closed_lost", amount: 10_000, created_at: t(50), updated_at: t(10), closed_at: t(10), outcome: isWin ? "won" : "lost" });
    }
    if (outcome === "won_deal" || outcome === "lost_deal") {
      transitions.push({ workspace_id: workspaceId, id: newId(), contact_id: contactId, from_stage: "lead", to_stage: "opportunity", at: t(50), actor_kind: "import" });
    }
    // The same engagement before the hand-off for everyone; winners also get meetings afterwards (leakage bait).
    for (const d of [70, 75, 80]) touches.push({ workspace_id: workspaceId, id: newId(), contact_id: contactId, type: "page_view", category: "marketing", occurred_at: t(d), received_at: t(d) });
    if (isWin) {
      for (const d of [40, 35, 30, 25, 20]) touches.push({ workspace_id: workspaceId, id: newId(), contact_id: contactId, type: "meeting", category: "sales", occurred_at: t(d), received_at: t(d) });
    }
    return contactId;
  }

  for (let i = 0; i < won; i++) addContact(`w${i}`, i < won - flip ? "software" : "education", i % 4 === 3 ? "won_deal" : "customer");
  for (let i = 0; i < lost; i++) addContact(`l${i}`, i < lost - flip ? "education" : "software", LOSSES[i % LOSSES.length]!);
  // Rejected first, won later: the win decides.
  const rejectedThenWonId = addContact("rw", "software", "customer", { rejected_at: t(59) });
  const openSoftwareLeadId = addContact("os", "software", null);
  const openEducationLeadId = addContact("oe", "education", null);

  await insertRows(pool, "accounts", accounts);
  await insertRows(pool, "contacts", contacts);
  await insertRows(pool, "deals", deals);
  await insertRows(pool, "stage_transitions", transitions);
  await insertRows(pool, "touchpoints", touches);
  return { positives: won + 1, negatives: lost, openSoftwareLeadId, openEducationLeadId, rejectedThenWonId };
}

export { insertRows };

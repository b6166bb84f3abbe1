/**
 * Field insights in the demo (issue 7 part 6): what the AEs heard on the largest open deals, votes from the team,
 * marketing's triage (one reviewed, one actioned) and a ride-along whose notes became two insights. Insights name
 * the rising competitor and the personas when those profiles and definitions exist in the workspace.
 */
import type { PoolClient } from "pg";
import { DAY, isoDate } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { ID_KIND } from "./ids.js";
import { RISING_COMPETITOR } from "./story.js";

type Kind = "who_is_buying" | "why_buying" | "pain_point" | "decision_criterion" | "objection" | "competitor_move";
type Spec = { deal: number; kind: Kind; text: string; daysAgo: number; persona?: string; rival?: boolean; by?: "owner" | "sdr"; triage?: "reviewed" | { action: string }; voters: number };

/** Story: Stackline undercuts on price; finance joins late and asks for payback; the platform team signs. */
const INSIGHTS: readonly Spec[] = [
  { deal: 0, kind: "competitor_move", text: `${RISING_COMPETITOR.name} offered a free 90-day pilot and a 30% first-year discount.`, daysAgo: 12, rival: true, triage: { action: `Battlecard updated with a pilot-to-paid comparison; pricing desk can match the first year for multi-team deals.` }, voters: 6 },
  { deal: 1, kind: "objection", text: "Too expensive for a single team; they want per-team pricing before rolling out.", daysAgo: 9, persona: "CFO", triage: "reviewed", voters: 4 },
  { deal: 2, kind: "decision_criterion", text: "Payback inside twelve months is the finance team's bar; they asked for a cost model.", daysAgo: 7, persona: "CFO", voters: 3 },
  { deal: 1, kind: "who_is_buying", text: "The platform team lead runs the evaluation; the VP Engineering signs but joins only for the final demo.", daysAgo: 5, persona: "VP Engineering", by: "sdr", voters: 2 },
  { deal: 0, kind: "pain_point", text: "On-call engineers lose a day a week to manual incident triage.", daysAgo: 3, persona: "Engineering Manager", voters: 1 },
  { deal: 2, kind: "why_buying", text: "Their cloud bill grew 40% last year and the board wants it explained.", daysAgo: 1, voters: 0 },
];

const RIDE = {
  deal: 0,
  daysAgo: 4,
  notes: `Joined the evaluation call. The platform lead compared us with ${RISING_COMPETITOR.name}'s free pilot twice; the CFO joined for ten minutes and only asked about payback and the cost of a second team.`,
  insights: [
    { kind: "objection" as Kind, text: `"Why pay during the pilot when ${RISING_COMPETITOR.name} doesn't?"`, rival: true, persona: undefined as string | undefined },
    { kind: "decision_criterion" as Kind, text: "The CFO's only question: what does a second team cost, and when does it pay back?", rival: false, persona: "CFO" },
  ],
};

/** Inserts the demo's field insights, votes and ride-along; returns the row counts. */
export async function insertDemoInsights(client: PoolClient, ctx: DemoContext): Promise<Record<string, number>> {
  const w = ctx.workspaceId;
  // The three largest open new-business deals with an owner (ties by name): what the field talks about this week.
  const { rows: deals } = await client.query<{ id: string; account_id: string; owner_id: string }>(
    `select id, account_id, owner_id from deals where workspace_id = $1 and closed_at is null and type = 'new' and owner_id is not null
     order by amount desc, name, id limit 3`,
    [w],
  );
  if (deals.length === 0) return { insights: 0, insight_votes: 0, ride_alongs: 0 };
  const personaIds = new Map((await client.query<{ name: string; id: string }>("select name, id from personas where workspace_id = $1", [w])).rows.map((r) => [r.name, r.id]));
  const rival = (await client.query<{ id: string }>("select id from competitors where workspace_id = $1 and lower(name) = lower($2)", [w, RISING_COMPETITOR.name])).rows[0]?.id ?? null;
  const voters = [ctx.staff.salesManagerId, ...ctx.staff.marketingIds, ctx.staff.sdr.volume, ctx.staff.sdr.quality, ...Object.values(ctx.staff.ae).flat()];
  const marketer = ctx.staff.marketingIds[0] ?? ctx.staff.marketingManagerId;
  const at = (daysAgo: number, hour = 15) => new Date(Math.floor((ctx.now - daysAgo * DAY) / DAY) * DAY + hour * 3_600_000).toISOString();
  let votes = 0;
  const insert = async (s: { kind: Kind; text: string; persona?: string; rival?: boolean }, deal: (typeof deals)[number], by: string, when: string, rideAlongId: string | null, extra: { status: string; reviewedBy?: string; reviewedAt?: string; actionedBy?: string; actionedAt?: string; action?: string }, voteCount: number) => {
    const id = ctx.ids.next(ID_KIND.insight);
    const who = voters.filter((v) => v !== by).slice(0, voteCount);
    await client.query(
      `insert into insights (workspace_id, id, kind, text, status, account_id, deal_id, persona_id, competitor_id, ride_along_id, submitted_by, votes,
         reviewed_by, reviewed_at, actioned_by, actioned_at, action_taken, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, coalesce($16::timestamptz, $14::timestamptz, $18::timestamptz))`,
      [w, id, s.kind, s.text, extra.status, deal.account_id, deal.id, (s.persona && personaIds.get(s.persona)) ?? null, s.rival ? rival : null, rideAlongId, by, who.length,
        extra.reviewedBy ?? null, extra.reviewedAt ?? null, extra.actionedBy ?? null, extra.actionedAt ?? null, extra.action ?? null, when],
    );
    for (const userId of who) await client.query("insert into insight_votes (workspace_id, insight_id, user_id, created_at) values ($1, $2, $3, $4)", [w, id, userId, when]);
    votes += who.length;
  };
  for (const s of INSIGHTS) {
    const deal = deals[s.deal % deals.length]!;
    const by = s.by === "sdr" ? ctx.staff.sdr.quality : deal.owner_id;
    const when = at(s.daysAgo);
    const reviewed = s.triage ? { reviewedBy: ctx.staff.marketingManagerId, reviewedAt: at(s.daysAgo - 1, 10) } : {};
    const extra = !s.triage ? { status: "new" } : s.triage === "reviewed" ? { status: "reviewed", ...reviewed } : { status: "actioned", ...reviewed, actionedBy: ctx.staff.marketingManagerId, actionedAt: at(s.daysAgo - 3, 11), action: s.triage.action };
    await insert(s, deal, by, when, null, extra, s.voters);
  }
  const deal = deals[RIDE.deal]!;
  const rideId = ctx.ids.next(ID_KIND.insight);
  const rideAt = at(RIDE.daysAgo, 17);
  await client.query(
    `insert into ride_alongs (workspace_id, id, occurred_on, account_id, deal_id, attendees, notes, recorded_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [w, rideId, isoDate(ctx.now - RIDE.daysAgo * DAY), deal.account_id, deal.id, [deal.owner_id], RIDE.notes, marketer, rideAt],
  );
  for (const [i, s] of RIDE.insights.entries()) await insert(s, deal, marketer, rideAt, rideId, { status: "new" }, 2 - i);
  return { insights: INSIGHTS.length + RIDE.insights.length, insight_votes: votes, ride_alongs: 1 };
}

/**
 * Campaign briefs and SWOTs in the demo (issue 7 parts 4 and 5). Three briefs, published a week before their
 * campaign to the four AEs and two SDRs: the IT Leaders Forum launched ready (5 of 6); the AWS webinar launched with
 * 2 of 6 ready — below the 80 % threshold, so the launch check flagged it and notified both managers and the
 * campaign's owner, as briefs.service's launch check does; the next-gen launch is still ahead, half the reps ready.
 * SWOTs sit beside three vehicles' results and on the largest open deal's proposal.
 */
import type { PoolClient } from "pg";
import { isBelowThreshold } from "../../shared/contracts/enablement-briefs.js";
import { DAY, HOUR, MINUTE, isoDate } from "./calendar.js";
import type { CampaignPlan } from "./campaigns.js";
import type { DemoContext } from "./context.js";
import { dayAt, insertRows } from "./enablement-sql.js";
import { ID_KIND } from "./ids.js";
import { RISING_COMPETITOR } from "./story.js";

/** Readiness threshold: the workspace default (no enablement_settings row). */
const THRESHOLD = 0.8;

/** Per rep in scope (AE East ×2, AE West ×2, SDR volume, SDR quality): r = ready before launch, l = ready after launch, a = acknowledged only, f = failed the check, - = nothing. */
type Brief = { key: string; message: string; audience: string; offer: string; cta: string; talkTrack: string; faq: { question: string; answer: string }[]; questions: { question: string; options: string[]; correct: number }[]; reps: string };

const BRIEFS: readonly Brief[] = [
  {
    key: "it_forum", reps: "rrr-rr",
    message: "IT leaders are drowning in cloud tickets; Northwind gives a small IT team guardrails and one view of spend.", audience: "IT Managers and Operations Directors at mid-market accounts in our territories.",
    offer: "A free cloud-spend health check for every forum attendee.", cta: "Book the health check within two weeks of the forum.",
    talkTrack: "Open with the forum keynote's point on ticket volume; ask who owns the cloud budget; offer the health check with their engineering lead in the room.",
    faq: [{ question: "Is the health check really free?", answer: "Yes — two hours with a solutions engineer, no commitment." }],
    questions: [{ question: "Who should be in the health-check call?", options: ["Only the IT manager", "The IT manager and their engineering lead", "Procurement"], correct: 1 }, { question: "How long is the offer valid?", options: ["One week", "Two weeks", "Until year end"], correct: 1 }],
  },
  {
    key: "aws_webinar", reps: "rrf-a-",
    message: "Design for cost from the first service: Northwind and AWS show how engineering teams keep cloud spend predictable.", audience: "VP Engineering and Engineering Managers at AWS-heavy accounts.",
    offer: "AWS co-funded proof of value (30 days) for registrants.", cta: "Follow up every attendee within 48 hours with the recording and the proof-of-value offer.",
    talkTrack: `Lead with the webinar's cost-per-service example; if they mention ${RISING_COMPETITOR.name}'s free pilot, position the co-funded proof of value with success criteria.`,
    faq: [{ question: "Who pays for the proof of value?", answer: "AWS funds it through the partner programme for accounts spending over $50k a year on AWS." }, { question: "Does it need Cost Analytics?", answer: "Yes: the proof of value runs on Platform plus Cost Analytics." }],
    questions: [{ question: "Within how long do we follow up attendees?", options: ["48 hours", "One week", "At the next QBR"], correct: 0 }, { question: "Which accounts qualify for AWS funding?", options: ["Any account", "Over $50k a year on AWS", "Only existing customers"], correct: 1 }, { question: "What does the proof of value run on?", options: ["Platform only", "Platform and Cost Analytics", "Automation Studio"], correct: 1 }],
  },
  {
    key: "next_launch", reps: "rr-ar-",
    message: "The next-generation platform: one control plane for operations, cost and automation.", audience: "VP Engineering and CTOs at open opportunities and top customers.",
    offer: "Early access for customers and late-stage opportunities.", cta: "Invite your top five accounts to the launch event.",
    talkTrack: "Position it as the answer to tool sprawl; early access is a reason to close this quarter, not to wait.",
    faq: [{ question: "Is there a price change?", answer: "No change for existing contracts; new list prices from the launch date." }],
    questions: [{ question: "Does the launch change existing contracts' prices?", options: ["Yes", "No"], correct: 1 }, { question: "Who gets early access?", options: ["Everyone", "Customers and late-stage opportunities", "Only enterprise"], correct: 1 }],
  },
];

/** Inserts the briefs (with recipients, the launch check's outcome and its notifications) and the SWOTs; returns the row counts. */
export async function insertDemoBriefs(client: PoolClient, ctx: DemoContext): Promise<Record<string, number>> {
  const w = ctx.workspaceId;
  const reps = [...ctx.staff.ae.east, ...ctx.staff.ae.west, ctx.staff.sdr.volume, ctx.staff.sdr.quality];
  const author = ctx.staff.marketingIds[0] ?? ctx.staff.marketingManagerId;
  const managers = [ctx.staff.salesManagerId, ctx.staff.marketingManagerId];
  const briefs: unknown[][] = [];
  const recipients: unknown[][] = [];
  const notes: unknown[][] = [];
  const audit: unknown[][] = [];
  const note = (user: string, kind: string, title: string, body: string, link: string, entity: string, entityId: string, at: Date, readAt: Date | null) =>
    notes.push([w, ctx.ids.next(ID_KIND.enablement), user, kind, title, body, link, entity, entityId, at, readAt]);
  for (const b of BRIEFS) {
    const c = ctx.campaigns.list.find((x) => x.spec.key === b.key) as CampaignPlan;
    const id = ctx.ids.next(ID_KIND.enablement);
    const launch = c.startsAt;
    const published = Math.min(ctx.now - 3 * DAY, launch - 7 * DAY) + 9 * HOUR;
    const launched = launch <= ctx.now;
    let readyAtLaunch = 0;
    [...b.reps].forEach((s, i) => {
      const user = reps[i] as string;
      const ackAt = s === "-" ? null : published + (1 + i) * 5 * HOUR;
      const passAt = s === "r" ? ackAt! + 20 * MINUTE : s === "l" ? launch + 2 * DAY : null;
      if (s === "r" && (!launched || passAt! < launch)) readyAtLaunch++;
      const right = b.questions.map((q) => q.correct);
      const answers = s === "r" || s === "l" ? right : s === "f" ? right.map((x, k) => (k === 0 ? (x + 1) % b.questions[0]!.options.length : x)) : null;
      recipients.push([w, id, user, new Date(published), ackAt === null ? null : new Date(ackAt), answers === null ? null : JSON.stringify(answers), answers === null ? 0 : s === "l" ? 2 : 1, passAt === null ? null : new Date(passAt)]);
      note(user, "brief.published", `Campaign brief: ${c.spec.name}`, "Read it, acknowledge it and answer the short check before launch.", `/briefs/${id}`, "campaign_brief", id, new Date(published), ackAt === null ? null : new Date(ackAt));
    });
    const share = readyAtLaunch / reps.length;
    const flagged = launched && isBelowThreshold(readyAtLaunch, reps.length, THRESHOLD);
    const checkedAt = launched ? new Date(launch + 5 * MINUTE) : null;
    briefs.push([w, id, c.id, b.message, b.audience, b.offer, b.cta, b.talkTrack, JSON.stringify(b.faq), isoDate(launch), isoDate(c.endsAt - DAY), null, reps, JSON.stringify(b.questions),
      "published", new Date(published), author, checkedAt, launched ? share : null, flagged ? checkedAt : null, author, new Date(published - 2 * DAY), new Date(published)]);
    if (!flagged) continue;
    const owner = ctx.staff.marketingIds[c.ownerIndex] ?? ctx.staff.marketingManagerId;
    const body = `${readyAtLaunch} of ${reps.length} reps ready (${Math.round(share * 100)} %, threshold ${Math.round(THRESHOLD * 100)} %).`;
    for (const user of [...managers, ...(managers.includes(owner) ? [] : [owner])]) note(user, "brief.readiness_low", `Low sales readiness at launch: ${c.spec.name}`, body, `/campaigns/${c.id}`, "campaign", c.id, checkedAt!, null);
    audit.push([w, ctx.ids.next(ID_KIND.enablement), checkedAt, "brief.flagged_at_launch", "campaign_brief", id, JSON.stringify({ ready: readyAtLaunch, inScope: reps.length, threshold: THRESHOLD })]);
  }
  await insertRows(client, "campaign_briefs", ["workspace_id", "id", "campaign_id", "message", "audience", "offer", "call_to_action", "talk_track", "faq", "starts_on", "ends_on", "scope_team_id", "scope_member_ids",
    "questions", "status", "published_at", "published_by", "launch_checked_at", "readiness_at_launch", "flagged_at", "created_by", "created_at", "updated_at"], briefs);
  await insertRows(client, "brief_recipients", ["workspace_id", "brief_id", "user_id", "notified_at", "acknowledged_at", "answers", "attempts", "check_passed_at"], recipients);
  await insertRows(client, "notifications", ["workspace_id", "id", "user_id", "kind", "title", "body", "link", "entity", "entity_id", "created_at", "read_at"], notes);
  await insertRows(client, "audit_log", ["workspace_id", "id", "at", "action", "entity", "entity_id", "changes"], audit);
  const swots = await insertSwots(client, ctx);
  return { campaign_briefs: briefs.length, brief_recipients: recipients.length, notifications: notes.length, swots };
}

type Swot = { title: string; strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };

const VEHICLE_SWOTS: Record<string, Swot> = {
  ebook: {
    title: "Q3 Ebook Blitz — after the results",
    strengths: ["Cheapest MQLs of the year", "Ebook well reviewed by readers"],
    weaknesses: ["Sales rejected most of the leads: students, free-mail, no budget", "Half the downloads from free-mail addresses", "Sales never uses the ebook on deals"],
    opportunities: ["Gate on company e-mail", "Score the download lower (agreement v2)", "Turn chapters into a nurture for IT Managers"],
    threats: ["MQL targets that reward volume", "Sales' trust in marketing leads"],
  },
  devops_report: {
    title: "State of DevOps Report",
    strengths: ["Reaches VP Engineering and CTOs", "Sales uses it in first meetings"],
    weaknesses: ["Expensive to produce", "Six-month shelf life"],
    opportunities: ["Regional cuts of the data for the roadshow", "Quote it in the platform deck"],
    threats: [`${RISING_COMPETITOR.name} publishes a competing survey`],
  },
  cloud_expo: {
    title: "Cloud Expo Europe",
    strengths: ["Many badge scans", "Partners met in person"],
    weaknesses: ["Mostly IT Managers, few buyers", "Highest cost per opportunity of the year"],
    opportunities: ["Smaller executive side events instead of the booth"],
    threats: ["Event costs rising 15 % a year"],
  },
};

async function insertSwots(client: PoolClient, ctx: DemoContext): Promise<number> {
  const w = ctx.workspaceId;
  const rows: unknown[][] = [];
  for (const [key, s] of Object.entries(VEHICLE_SWOTS)) {
    const c = ctx.campaigns.list.find((x) => x.spec.key === key);
    if (!c || c.startsAt > ctx.now) continue;
    const on = Math.min(ctx.now - DAY, c.endsAt + 14 * DAY);
    const owner = ctx.staff.marketingIds[c.ownerIndex] ?? ctx.staff.marketingManagerId;
    rows.push([w, ctx.ids.next(ID_KIND.enablement), s.title, c.id, null, s.strengths, s.weaknesses, s.opportunities, s.threats, owner, isoDate(on), "final", new Date(on), new Date(on)]);
  }
  // The largest open deal at the proposal stage: the deal team's view of its proposal.
  const { rows: deals } = await client.query<{ id: string; name: string; owner_id: string }>(
    "select id, name, owner_id from deals where workspace_id = $1 and closed_at is null and stage in ('proposal', 'negotiation') and owner_id is not null order by amount desc, name, id limit 1",
    [w],
  );
  const deal = deals[0];
  if (deal) {
    const on = dayAt(ctx.now, 5, 16);
    rows.push([w, ctx.ids.next(ID_KIND.enablement), `Proposal: ${deal.name}`, null, deal.id,
      ["Platform team is our champion", "Cost Analytics answers the CFO's payback question"], ["Single-team budget this year", "No reference in their industry yet"],
      ["Second team in Q3 if the first pays back", "Multi-year prepay for a discount"], [`${RISING_COMPETITOR.name}'s free 90-day pilot`, "Budget freeze after the board meeting"],
      deal.owner_id, isoDate(on.getTime()), "draft", on, on]);
  }
  await insertRows(client, "swots", ["workspace_id", "id", "title", "campaign_id", "deal_id", "strengths", "weaknesses", "opportunities", "threats", "owner_id", "analysed_on", "status", "created_at", "updated_at"], rows);
  return rows.length;
}

/**
 * Persona definitions and messaging in the demo (issue 7 parts 4 and 6). Each definition's criteria are the
 * generator's own titles, seniority and department for that persona (story.ts), so matching (shared/domain/
 * personas.ts) gives every generated contact the persona it was generated with: the contacts are loaded with
 * `persona_source = 'matched'` (rows.ts), as the re-apply job would leave them.
 */
import type { PoolClient } from "pg";
import type { PersonaCriteria } from "../../shared/domain/personas.js";
import { DAY } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { insertRows } from "./enablement-sql.js";
import { ID_KIND } from "./ids.js";
import { PERSONAS, PRODUCTS, RISING_COMPETITOR, type Persona } from "./story.js";

const DESCRIPTIONS: Record<Persona, string> = {
  "IT Manager": "Runs IT operations day to day; downloads guides and attends webinars, rarely signs. Marketing's most frequent MQL.",
  Developer: "Builds and runs services; cares about APIs, docs and a free tier. Influences the tool choice from below.",
  "Engineering Manager": "Leads a team that is on call; wants less toil and a predictable cloud bill. Often the champion.",
  "VP Engineering": "Owns the engineering budget and the platform roadmap; signs most new-business deals.",
  CTO: "Sets the technical direction; joins late to approve architecture and vendor risk.",
  "Operations Director": "Runs IT and business operations; weighs change risk and process fit. Can block.",
  CFO: "Signs off spend above plan; asks for payback and a cost model before the final round.",
};

/** Criteria that reproduce the generator's persona for every title it uses. */
export function demoPersonaCriteria(p: Persona): PersonaCriteria {
  const info = PERSONAS[p];
  return { titleKeywords: [...info.titles], seniorities: [info.seniority], departments: [info.department], industries: [], minEmployees: null, maxEmployees: null };
}

type Msg = { kind: "value_prop" | "faq" | "talk_track"; title: string; body: string; persona?: Persona; product?: string; archived?: boolean };

const MESSAGES: readonly Msg[] = [
  { kind: "value_prop", persona: "VP Engineering", product: "Northwind Platform", title: "One platform for every team's cloud operations", body: "Standardise how teams deploy, watch and pay for the cloud: one platform, one bill view, guardrails instead of tickets. Teams ship faster and the budget stops surprising you." },
  { kind: "value_prop", persona: "CTO", product: "Northwind Platform", title: "Architecture you can govern without slowing teams down", body: "Policy as code, audit trails and cost guardrails across every account, without a platform team rebuilding them. Vendor risk: SOC 2 Type II, EU and US regions." },
  { kind: "value_prop", persona: "CFO", product: "Cost Analytics", title: "Cloud spend you can forecast and explain to the board", body: "Every dollar of cloud spend mapped to a team and a product, with a forecast finance can plan on. Customers see payback within nine months on average." },
  { kind: "value_prop", persona: "IT Manager", product: "Security Guard", title: "Fewer fire drills for a small IT team", body: "Misconfigurations caught before they ship, patch status in one view and alerts routed to the right owner, so a small team keeps up." },
  { kind: "value_prop", persona: "Engineering Manager", product: "Automation Studio", title: "Give on-call engineers their day back", body: "Runbooks become automations: the routine incident steps run themselves and engineers step in only where judgement is needed. Teams report a day a week saved per on-call engineer." },
  { kind: "value_prop", persona: "Developer", product: "Integrations Hub", title: "Connect your stack in an afternoon", body: "Two hundred connectors, a typed API and webhooks you can test locally. No tickets to the platform team to wire up a new service." },
  { kind: "value_prop", persona: "Operations Director", product: "Data Pipeline", title: "Operational data you can trust, on time", body: "Pipelines with lineage and freshness checks, so the operations dashboards are right on Monday morning — and you know when they are not." },
  { kind: "talk_track", persona: "VP Engineering", product: "Northwind Platform", title: `Competing with ${RISING_COMPETITOR.name}'s free pilot`, body: `Acknowledge the pilot, then move to the second team: ${RISING_COMPETITOR.name} prices per seat after the pilot and charges for SSO and audit logs. Offer our 30-day proof of value with success criteria agreed up front, and the cost of two teams side by side.` },
  { kind: "talk_track", persona: "CFO", product: "Cost Analytics", title: "The payback conversation", body: "Lead with their own number: last year's cloud growth. Walk the cost model (current spend, the 12–18 % we typically remove, our price) and show payback month by month. Offer the ROI calculator with their figures before the final round." },
  { kind: "talk_track", persona: "Engineering Manager", title: "Discovery: on-call toil", body: "Ask how many pages a week, how many need a human, and what a bad week costs. Quantify the hours, then show one of their runbooks automated in the demo." },
  { kind: "talk_track", persona: "IT Manager", title: "From ebook reader to a real project", body: "They read the guide, they rarely buy alone. Ask who owns the cloud budget and whether engineering is in the room; offer a joint session with their engineering lead instead of a solo demo." },
  { kind: "faq", product: "Northwind Platform", title: "How long does onboarding take?", body: "Two weeks for the first team with a guided onboarding: connect the accounts on day one, guardrails and dashboards in the first week, the first automation in the second." },
  { kind: "faq", product: "Security Guard", title: "Is Northwind SOC 2 compliant?", body: "Yes: SOC 2 Type II, renewed every year; ISO 27001 since last year. The reports are in the trust centre under NDA." },
  { kind: "faq", persona: "CFO", title: "Can we pay per team instead of per seat?", body: "Yes. Team plans price per team with unlimited seats; a second team is 40 % off the first. Annual prepay adds a further 10 %." },
  { kind: "faq", persona: "Developer", product: "Integrations Hub", title: "Is there an API and a sandbox?", body: "Every feature has a REST API with typed SDKs (TypeScript, Python, Go) and every workspace gets a free sandbox." },
  { kind: "faq", title: "Where is our data hosted?", body: "In the region you choose at sign-up: US (Virginia, Oregon) or EU (Frankfurt, Dublin). Data never leaves it." },
  { kind: "faq", product: "Cost Analytics", title: "Do you support reserved-instance planning?", body: "Not any more: the planner was replaced by commitment recommendations in Cost Analytics.", archived: true },
];

/** Inserts the persona definitions and the messaging library; returns their ids by persona name and the row counts. */
export async function insertDemoPersonas(client: PoolClient, ctx: DemoContext): Promise<{ personaIds: Map<Persona, string>; counts: Record<string, number> }> {
  const w = ctx.workspaceId;
  const author = ctx.staff.marketingManagerId;
  const defined = new Date(ctx.windowStart - 30 * DAY);
  const personaIds = new Map<Persona, string>();
  const rows = (Object.keys(PERSONAS) as Persona[]).map((p) => {
    const id = ctx.ids.next(ID_KIND.persona);
    personaIds.set(p, id);
    return [w, id, p, DESCRIPTIONS[p], JSON.stringify(demoPersonaCriteria(p)), author, defined, defined];
  });
  await insertRows(client, "personas", ["workspace_id", "id", "name", "description", "criteria", "created_by", "created_at", "updated_at"], rows);
  const writers = [ctx.staff.marketingIds[0], ctx.staff.marketingIds[1], ctx.staff.marketingManagerId];
  const messages = MESSAGES.map((m, i) => {
    const at = new Date(ctx.now - (200 - i * 9) * DAY);
    const product = m.product ? ctx.productIds[PRODUCTS.findIndex((p) => p.name === m.product)] : null;
    return [w, ctx.ids.next(ID_KIND.enablement), m.kind, m.title, m.body, m.persona ? personaIds.get(m.persona) : null, product ?? null, writers[i % writers.length], m.archived ? new Date(ctx.now - 20 * DAY) : null, at, at];
  });
  await insertRows(client, "messages", ["workspace_id", "id", "kind", "title", "body", "persona_id", "product_id", "owner_id", "archived_at", "created_at", "updated_at"], messages);
  return { personaIds, counts: { personas: rows.length, messages: messages.length } };
}

/**
 * The demo's follow-up playbooks (issue 4 item 6) and their history: every MQL handed to an AE inside the window gets the playbook
 * that matched it then (the rule of src/shared/domain/playbooks.ts, written in SQL because it runs set-based over
 * every handoff), and the AEs who follow their playbooks leave the touches that prove it. Story: AE East follows,
 * AE West (the team that breaches its SLA) mostly does not — its leads get whatever the random sales activity was.
 */
import type { PoolClient } from "pg";
import type { PlaybookMatch, PlaybookStep } from "../../shared/domain/playbooks.js";
import { DAY } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { ID_KIND } from "./ids.js";

type DemoPlaybook = { name: string; description: string; match: Partial<PlaybookMatch>; firstChannel: PlaybookStep["channel"]; steps: Omit<PlaybookStep, "assetId" | "talkTrack">[]; talk?: string };

/** In order; the most specific match wins, then the position (docs/PLAYBOOKS.md). */
export const DEMO_PLAYBOOKS: readonly DemoPlaybook[] = [
  {
    name: "Inbound demo request → call now",
    description: "They asked for a conversation: call while they still remember asking.",
    match: { sources: ["inbound"], channels: ["paid_search", "organic_search", "referral", "partner", "direct"] },
    firstChannel: "phone",
    steps: [{ day: 0, channel: "phone", action: "Call now and book the demo" }, { day: 1, channel: "email", action: "Confirm the demo with the agenda" }, { day: 3, channel: "phone", action: "Follow-up call if no demo is booked" }],
    talk: "You asked to see Northwind on our site — what made now the right time?",
  },
  {
    name: "Content download → e-mail first",
    description: "Readers answer e-mail, not cold calls: follow up on what they read.",
    match: { channels: ["content", "email", "social"] },
    firstChannel: "email",
    steps: [{ day: 0, channel: "email", action: "Send a related guide with one question" }, { day: 2, channel: "phone", action: "Call about the guide" }, { day: 5, channel: "linkedin", action: "Connect with a note" }],
    talk: "Reference the asset they downloaded and ask how they handle cloud costs today.",
  },
  {
    name: "Webinar attendee → call within a day",
    description: "Attendees are warm for a day or two: call, then send the recording.",
    match: { channels: ["webinar"] },
    firstChannel: "phone",
    steps: [{ day: 0, channel: "phone", action: "Call about the webinar" }, { day: 1, channel: "email", action: "Send the recording and slides" }, { day: 3, channel: "phone", action: "Second call" }],
    talk: "Which part of the session was most relevant to your team?",
  },
  {
    name: "Event visitor → LinkedIn + call",
    description: "Met at the booth: connect while the face is fresh, then call.",
    match: { channels: ["event"] },
    firstChannel: "linkedin",
    steps: [{ day: 0, channel: "linkedin", action: "Connect with a note about the booth chat" }, { day: 1, channel: "phone", action: "Call" }, { day: 4, channel: "email", action: "Send the event recap" }],
    talk: "Great to meet you at the booth — you mentioned …",
  },
  {
    name: "Everyone else → e-mail, then call",
    description: "The fallback for leads no other playbook fits.",
    match: {},
    firstChannel: "email",
    steps: [{ day: 0, channel: "email", action: "Personal e-mail" }, { day: 2, channel: "phone", action: "Call" }],
  },
];

/** How often each AE follows the playbook (by team and seat): AE East mostly, AE West rarely. */
export const FOLLOW_RATE = { east: [0.85, 0.7], west: [0.3, 0.15] } as const;

// A deterministic UUIDv7 from an ordinal (same layout as ids.ts: ms from the base, a 12-bit counter, a hashed tail).
const uuidOf = (ordinal: string, baseMs: number, salt: string) => `(
  lpad(to_hex(${baseMs}::bigint + (${ordinal}) / 4096), 12, '0') || '7' || lpad(to_hex((${ordinal}) % 4096), 3, '0')
  || substr('89ab', get_byte(decode(md5('${salt}' || (${ordinal})), 'hex'), 0) % 4 + 1, 1) || substr(md5('${salt}' || (${ordinal})), 3, 15)
)::uuid`;
// A deterministic number in [0, 1) from text.
const unit = (expr: string) => `(('x' || lpad(substr(md5(${expr}), 1, 12), 16, '0'))::bit(64)::bigint / 281474976710656.0)`;
const nonEmptyAndNot = (list: string, value: string) =>
  `(jsonb_array_length(p.match->'${list}') = 0 or exists (select 1 from jsonb_array_elements_text(p.match->'${list}') x where lower(x) = lower(${value})))`;

async function insertPlaybooks(client: PoolClient, ctx: DemoContext): Promise<void> {
  const at = new Date(ctx.windowStart - 7 * DAY);
  for (const [position, p] of DEMO_PLAYBOOKS.entries()) {
    const match: PlaybookMatch = { sources: [], channels: [], personas: [], ...p.match };
    const steps: PlaybookStep[] = p.steps.map((s, i) => ({ ...s, talkTrack: i === 0 ? (p.talk ?? null) : null, assetId: null }));
    await client.query(
      "insert into playbooks (workspace_id, id, name, description, match, position, first_channel, steps, enabled, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)",
      [ctx.workspaceId, ctx.ids.next(ID_KIND.playbook), p.name, p.description, JSON.stringify(match), position, p.firstChannel, JSON.stringify(steps), at],
    );
  }
}

/** Records each MQL handoff's playbook in a temporary table, with when the rep stopped working the lead and whether they follow. */
async function planAssignments(client: PoolClient, ctx: DemoContext): Promise<void> {
  const reps = [...ctx.staff.ae.east, ...ctx.staff.ae.west];
  const rates = [...FOLLOW_RATE.east, ...FOLLOW_RATE.west];
  const specificity = ["sources", "channels", "personas"].map((l) => `(jsonb_array_length(p.match->'${l}') > 0)::int`).join(" + ");
  await client.query(
    `create temporary table demo_playbook_assignments on commit drop as
    with mqls as (
      select st.contact_id, st.at, c.owner_id as rep_id, c.account_id, c.source, c.channel, c.persona,
        lead(st.at) over (partition by st.contact_id order by st.at, st.id) as next_mql
      from stage_transitions st join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
      where st.workspace_id = $1 and st.to_stage = 'mql' and st.at >= $5 and c.owner_id = any($2::uuid[])
    )
    select m.contact_id, m.account_id, m.rep_id, m.at as assigned_at, pb.id as playbook_id, pb.first_channel, pb.steps,
      least(m.next_mql, $4::timestamptz, (select min(x.at) from stage_transitions x where x.workspace_id = $1 and x.contact_id = m.contact_id and x.at > m.at
        and x.to_stage in ('rejected', 'recycled', 'disqualified', 'lost', 'no_decision'))) as until,
      ${unit("m.contact_id::text || m.at::text")} < coalesce((select r.rate from unnest($2::uuid[], $3::float8[]) r(id, rate) where r.id = m.rep_id), 0) as follows
    from mqls m
    left join lateral (
      select t.channel from touchpoints t where t.workspace_id = $1 and t.contact_id = m.contact_id and t.category = 'marketing' and t.occurred_at <= m.at
      order by t.occurred_at desc, t.id desc limit 1
    ) conv on true
    cross join lateral (
      select p.id, p.first_channel, p.steps from playbooks p
      where p.workspace_id = $1 and p.enabled and ${nonEmptyAndNot("sources", "m.source")}
        and ${nonEmptyAndNot("channels", "coalesce(conv.channel, m.channel)")} and ${nonEmptyAndNot("personas", "m.persona")}
      order by ${specificity} desc, p.position, p.id limit 1
    ) pb`,
    [ctx.workspaceId, reps, rates, new Date(ctx.now), new Date(ctx.windowStart)],
  );
}

/** Adds the playbooks, the assignments of every MQL handed to an AE, and the touches of the AEs who follow them; returns row counts. */
export async function insertDemoPlaybooks(client: PoolClient, ctx: DemoContext): Promise<{ playbooks: number; playbook_assignments: number; touchpoints: number }> {
  await insertPlaybooks(client, ctx);
  await planAssignments(client, ctx);
  const assigned = await client.query(
    `insert into playbook_assignments (workspace_id, id, contact_id, playbook_id, handoff_id, rep_id, assigned_at)
    select $1, ${uuidOf("row_number() over (order by a.assigned_at, a.contact_id)", ctx.now - 4 * 60_000, "pba")}, a.contact_id, a.playbook_id, null, a.rep_id, a.assigned_at
    from demo_playbook_assignments a`,
    [ctx.workspaceId],
  );
  // Followers: the first touch on the playbook's channel within the hour, then each step by its day (weekends skipped).
  const touched = await client.query(
    `with planned as (
      select a.contact_id, a.account_id, a.rep_id, a.until, a.first_channel as channel, a.assigned_at + interval '20 minutes' + ${unit("a.contact_id::text || 'first'")} * interval '40 minutes' as at, 0 as k
      from demo_playbook_assignments a where a.follows
      union all
      select a.contact_id, a.account_id, a.rep_id, a.until, s.step->>'channel', d.day_at + interval '2 hours' + ${unit("a.contact_id::text || s.k::text")} * interval '3 hours', s.k::int
      from demo_playbook_assignments a
      cross join lateral jsonb_array_elements(a.steps) with ordinality as s(step, k)
      cross join lateral (select a.assigned_at + ((s.step->>'day')::int) * interval '1 day' as raw) r
      cross join lateral (select r.raw + (case extract(isodow from r.raw) when 6 then 2 when 7 then 1 else 0 end) * interval '1 day' as day_at) d
      where a.follows and not ((s.step->>'day')::int = 0 and s.step->>'channel' = a.first_channel)
    ), kept as (
      select * from planned where at < until
    )
    insert into touchpoints (workspace_id, id, contact_id, account_id, type, category, channel, occurred_at, received_at, properties, source, actor_user_id)
    select $1, ${uuidOf("row_number() over (order by k.at, k.contact_id, k.k)", ctx.now - 3 * 60_000, "pbt")}, k.contact_id, k.account_id,
      case k.channel when 'phone' then 'call' when 'meeting' then 'meeting' else 'sales_email' end, 'sales',
      case k.channel when 'linkedin' then 'social' when 'email' then 'email' else null end,
      k.at, least(k.at + interval '1 second', $2::timestamptz), '{}'::jsonb, 'crm', k.rep_id
    from kept k`,
    [ctx.workspaceId, new Date(ctx.now)],
  );
  return { playbooks: DEMO_PLAYBOOKS.length, playbook_assignments: assigned.rowCount ?? 0, touchpoints: touched.rowCount ?? 0 };
}

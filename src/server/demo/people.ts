/** The demo's staff (through the workspaces service, so they can log in) and its reason taxonomy. */
import type { PoolClient } from "pg";
import type { WorkspacesService } from "../modules/identity/workspaces.service.js";
import type { Role } from "../../shared/domain/roles.js";
import { DEFAULT_REASON_CODES } from "../../shared/domain/reasons.js";
import { REASON_KINDS } from "../../shared/contracts/reason-codes.js";
import type { Staff } from "./context.js";
import { ID_KIND, type IdFactory } from "./ids.js";
import { WORKSPACE_NAME } from "./story.js";

export type Login = { role: Role; name: string; email: string };

type Seat = { key: string; local: string; name: string; role: Role; team: string | null; title: string };

const TEAMS = [
  { name: "AE East", side: "sales" },
  { name: "AE West", side: "sales" },
  { name: "SDR", side: "sales" },
  { name: "Demand Gen", side: "marketing" },
] as const;

const SEATS: readonly Seat[] = [
  { key: "salesManager", local: "manager.sales", name: "Morgan Reyes", role: "manager", team: null, title: "VP Sales" },
  { key: "marketingManager", local: "manager.marketing", name: "Jordan Ellis", role: "manager", team: "Demand Gen", title: "VP Marketing" },
  { key: "marketing1", local: "marketing1", name: "Priya Natarajan", role: "marketing", team: "Demand Gen", title: "Demand Generation Manager" },
  { key: "marketing2", local: "marketing2", name: "Sam Okafor", role: "marketing", team: "Demand Gen", title: "Content Marketing Manager" },
  { key: "marketing3", local: "marketing3", name: "Lena Fischer", role: "marketing", team: "Demand Gen", title: "Marketing Operations Manager" },
  { key: "sdrVolume", local: "sdr1", name: "Riley Chen", role: "sdr", team: "SDR", title: "Sales Development Representative" },
  { key: "sdrQuality", local: "sdr2", name: "Dana Kowalski", role: "sdr", team: "SDR", title: "Sales Development Representative" },
  { key: "aeEast1", local: "ae.east1", name: "Chris Walker", role: "sales", team: "AE East", title: "Account Executive" },
  { key: "aeEast2", local: "ae.east2", name: "Taylor Brooks", role: "sales", team: "AE East", title: "Account Executive" },
  { key: "aeWest1", local: "ae.west1", name: "Jamie Ortiz", role: "sales", team: "AE West", title: "Account Executive" },
  { key: "aeWest2", local: "ae.west2", name: "Alex Kim", role: "sales", team: "AE West", title: "Account Executive" },
];

/** The login domain: the default demo uses northwind.demo, others get their own so users never collide. */
export function emailDomain(slug: string, defaultSlug: string): string {
  return slug === defaultSlug ? "northwind.demo" : `${slug}.northwind.demo`;
}

/** Creates the workspace, its teams and twelve members with the given password. */
export async function createStaff(
  workspaces: WorkspacesService,
  input: { slug: string; domain: string; password: string; onUser?: (done: number, total: number) => void },
): Promise<{ workspaceId: string; staff: Staff; logins: Login[] }> {
  const admin = { email: `admin@${input.domain}`, name: "Avery Stone", password: input.password };
  const { workspaceId, adminUserId } = await workspaces.createWorkspace({ name: WORKSPACE_NAME, slug: input.slug, admin });
  const teamIds = new Map<string, string>();
  for (const t of TEAMS) teamIds.set(t.name, await workspaces.addTeam(workspaceId, t.name, t.side));
  let done = 1;
  input.onUser?.(done, SEATS.length + 1);
  // argon2 runs on the libuv pool, so hashing the members concurrently uses both cores.
  const ids = await Promise.all(
    SEATS.map(async (seat) => {
      const id = await workspaces.addMember(workspaceId, {
        email: `${seat.local}@${input.domain}`, name: seat.name, role: seat.role, password: input.password, teamId: seat.team ? (teamIds.get(seat.team) ?? null) : null, title: seat.title,
      });
      input.onUser?.(++done, SEATS.length + 1);
      return [seat.key, id] as const;
    }),
  );
  const id = new Map(ids);
  const get = (key: string) => id.get(key) as string;
  const staff: Staff = {
    adminId: adminUserId,
    salesManagerId: get("salesManager"),
    marketingManagerId: get("marketingManager"),
    marketingIds: [get("marketing1"), get("marketing2"), get("marketing3")],
    sdr: { volume: get("sdrVolume"), quality: get("sdrQuality") },
    ae: { east: [get("aeEast1"), get("aeEast2")], west: [get("aeWest1"), get("aeWest2")] },
  };
  const logins: Login[] = [{ role: "admin", name: admin.name, email: admin.email }, ...SEATS.map((s) => ({ role: s.role, name: s.name, email: `${s.local}@${input.domain}` }))];
  return { workspaceId, staff, logins };
}

/** Inserts DEFAULT_REASON_CODES unless the workspace already has a taxonomy; returns how many it has. */
export async function seedReasonCodes(client: PoolClient, workspaceId: string, ids: IdFactory): Promise<number> {
  const existing = await client.query<{ n: number }>("select count(*)::int as n from reason_codes where workspace_id = $1", [workspaceId]);
  const n = existing.rows[0]?.n ?? 0;
  if (n > 0) return n;
  const rows = REASON_KINDS.flatMap((kind) => DEFAULT_REASON_CODES[kind].map((r, position) => ({ kind, ...r, position })));
  await client.query(
    `insert into reason_codes (workspace_id, id, kind, code, label, active, position)
     select $1::uuid, unnest($2::uuid[]), unnest($3::text[]), unnest($4::text[]), unnest($5::text[]), true, unnest($6::int[])`,
    [workspaceId, rows.map(() => ids.next(ID_KIND.reasonCode)), rows.map((r) => r.kind), rows.map((r) => r.code), rows.map((r) => r.label), rows.map((r) => r.position)],
  );
  return rows.length;
}

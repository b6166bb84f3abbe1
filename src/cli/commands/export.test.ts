import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../test/harness.js";
import { csvRows, sqlRows } from "../../../test/csv-export.js";
import { exportList, parseFilters } from "./export.js";
import { privacyErase, privacyExport } from "./privacy.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

function sink(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  return { out, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("tandem export", () => {
  it("streams a list with --filter pairs through the list's schema, counting rows for the progress bar", async () => {
    const ws = await h.workspace("Cli");
    // 700 contacts: 650 MQLs (two pages), 50 leads.
    await sqlRows(h, `insert into contacts (workspace_id, id, email, stage, stage_entered_at, created_at, updated_at)
      select $1, gen_random_uuid(), 'c' || i || '@cli.example', case when i <= 650 then 'mql' else 'lead' end, $2, $2::timestamptz + i * interval '1 second', $2
      from generate_series(1, 700) i`, [ws.workspaceId, "2026-01-01T00:00:00Z"]);
    const s = sink();
    let ticks = 0;
    const n = await exportList(h.modules, { list: "contacts", workspace: ws.slug, filters: ["stage=mql", "sort=createdAt"], out: s.out, onRow: () => ticks++ });
    expect([n, ticks]).toEqual([650, 650]);
    const rows = csvRows(s.text());
    expect(rows).toHaveLength(650);
    expect([rows[0]!.email, rows[649]!.email]).toEqual(["c1@cli.example", "c650@cli.example"]);

    await expect(exportList(h.modules, { list: "contacts", workspace: ws.slug, filters: ["stage=hot"], out: sink().out })).rejects.toThrow(/--filter stage/);
    await expect(exportList(h.modules, { list: "widgets", workspace: ws.slug, filters: [], out: sink().out })).rejects.toThrow(/no list widgets; one of: contacts, accounts, deals/);
    await expect(exportList(h.modules, { list: "audit", workspace: "no-such-slug", filters: [], out: sink().out })).rejects.toThrow("no workspace with slug no-such-slug");
    expect(() => parseFilters(["stage"])).toThrow("--filter stage: give key=value");
    expect(parseFilters(["q=a=b", "stage=mql,sql"])).toEqual({ q: "a=b", stage: "mql,sql" });
  });
});

describe("tandem privacy", () => {
  it("exports and erases a contact by e-mail through the privacy service, audited as the workspace's admin", async () => {
    const ws = await h.workspace("Gdpr");
    const id = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/contacts", { email: "Gina@Gdpr.example", firstName: "Gina" })).id;

    const doc = await privacyExport(h.modules, { workspace: ws.slug, email: "GINA@gdpr.example" });
    expect(doc.contact).toMatchObject({ id, email: "gina@gdpr.example" });
    await expect(privacyExport(h.modules, { workspace: ws.slug, email: "nobody@gdpr.example" })).rejects.toThrow(`no contact with e-mail nobody@gdpr.example in ${ws.slug}`);
    await expect(privacyExport(h.modules, { workspace: ws.slug })).rejects.toThrow("give --contact ID or --email ADDRESS");

    const erased = await privacyErase(h.modules, { workspace: ws.slug, contact: id });
    expect(erased).toEqual({ contactId: id, erased: true, suppressed: true, touchpointsDeleted: 0 });
    const audit = await sqlRows(h, "select action, actor_user_id, request_id from audit_log where workspace_id = $1 and entity_id = $2 and action in ('contact.exported', 'contact.erased') order by at, action", [ws.workspaceId, id]);
    expect(audit).toEqual([
      { action: "contact.erased", actor_user_id: ws.users.admin.userId, request_id: "cli" },
      { action: "contact.exported", actor_user_id: ws.users.admin.userId, request_id: "cli" },
    ]);
    expect(await sqlRows(h, "select id from contacts where workspace_id = $1 and id = $2", [ws.workspaceId, id])).toEqual([]);
    await expect(privacyErase(h.modules, { workspace: ws.slug, contact: id })).rejects.toThrow("Contact not found");
  });
});

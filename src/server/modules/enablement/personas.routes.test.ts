import { describe, expect, it } from "vitest";
import type { Persona, PersonaList } from "../../../shared/contracts/enablement-personas.js";
import type { Job } from "../../../shared/contracts/jobs.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness } from "../../../../test/harness.js";
import { multipartFile } from "../../../../test/multipart.js";

const h = useHarness({ now: "2026-03-02T09:00:00.000Z" });

type Contact = { id: string; persona: string | null; personaSource: string | null };
const criteria = (c: Record<string, unknown>) => ({ titleKeywords: [], seniorities: [], departments: [], industries: [], minEmployees: null, maxEmployees: null, ...c });

describe("personas", () => {
  it("matches contacts on create, update and account change, keeps a persona set by hand, and re-applies with a job", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const sales = h.as(ws.users.sales);
    const it = json<Serialized<Persona>>(await mkt.post("/api/v1/personas", { name: "IT leader", criteria: criteria({ titleKeywords: ["IT"], seniorities: ["manager", "director"] }) }));
    await mkt.post("/api/v1/personas", { name: "Enterprise IT", description: "IT in big firms", criteria: criteria({ titleKeywords: ["IT"], seniorities: ["manager", "director"], minEmployees: 1000 }) });
    await mkt.post("/api/v1/personas", { name: "Engineer", criteria: criteria({ titleKeywords: ["engineer", "developer"] }) });
    expect((await mkt.post("/api/v1/personas", { name: " it LEADER", criteria: criteria({ departments: ["IT"] }) })).statusCode).toBe(409);
    expect((await sales.post("/api/v1/personas", { name: "X", criteria: criteria({ departments: ["IT"] }) })).statusCode).toBe(403);
    const bad = await mkt.post("/api/v1/personas", { name: "Y", criteria: criteria({ minEmployees: 500, maxEmployees: 100 }) });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toContain("body.criteria.maxEmployees");

    const small = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Small Co", employees: 80 }));
    // Created: "IT Manager", manager, 80 employees → IT leader (Enterprise IT needs ≥ 1000).
    const pat = json<Contact>(await sales.post("/api/v1/contacts", { email: "pat@small.example", title: "IT Manager", seniority: "manager", accountId: small.id }));
    expect(pat).toMatchObject({ persona: "IT leader", personaSource: "matched" });
    // The account grows to 1,500 employees: Pat now matches Enterprise IT (3 criteria beat 2).
    expect((await sales.patch(`/api/v1/accounts/${small.id}`, { employees: 1500 })).statusCode).toBe(200);
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${pat.id}`))).toMatchObject({ persona: "Enterprise IT", personaSource: "matched" });
    // Updated title: a developer → Engineer.
    expect(json<Contact>(await sales.patch(`/api/v1/contacts/${pat.id}`, { title: "Senior Developer", seniority: "individual" }))).toMatchObject({ persona: "Engineer" });
    // Set by hand: kept whatever the title says; null hands it back to matching.
    const lee = json<Contact>(await sales.post("/api/v1/contacts", { email: "lee@small.example", title: "Software Engineer", persona: "Champion", accountId: small.id }));
    expect(lee).toMatchObject({ persona: "Champion", personaSource: "manual" });
    expect(json<Contact>(await sales.patch(`/api/v1/contacts/${lee.id}`, { title: "IT Director", seniority: "director" }))).toMatchObject({ persona: "Champion", personaSource: "manual" });
    const kim = json<Contact>(await sales.post("/api/v1/contacts", { email: "kim@other.example", title: "Student" }));
    expect(kim).toMatchObject({ persona: null, personaSource: null });

    // A new definition changes nobody until the re-apply job runs; Lee stays manual, Kim (a student) gets one.
    await mkt.post("/api/v1/personas", { name: "Student", criteria: criteria({ titleKeywords: ["student"] }) });
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${kim.id}`)).persona).toBeNull();
    expect((await sales.post("/api/v1/personas/apply")).statusCode).toBe(403);
    const job = await mkt.post("/api/v1/personas/apply");
    expect(job.statusCode).toBe(202);
    expect((await mkt.post("/api/v1/personas/apply")).statusCode).toBe(409);
    const [done] = await h.modules.jobs.jobs.drain(ws.workspaceId);
    // Candidates: Pat and Kim (Lee is manual) → scanned 2; only Kim changes.
    expect(done).toMatchObject({ id: json<Job>(job).id, status: "succeeded", result: { scanned: 2, changed: 1, definitions: 4 }, progressDone: 2, progressTotal: 2 });
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${kim.id}`))).toMatchObject({ persona: "Student", personaSource: "matched" });
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${lee.id}`))).toMatchObject({ persona: "Champion", personaSource: "manual" });

    // The list counts contacts per definition and names the values no definition has.
    const list = json<Serialized<PersonaList>>(await sales.get("/api/v1/personas"));
    expect(list.items.map((p) => [p.name, p.contacts.manual, p.contacts.matched])).toEqual([["Engineer", 0, 1], ["Enterprise IT", 0, 0], ["IT leader", 0, 0], ["Student", 0, 1]]);
    expect(list.undefinedPersonas).toEqual([{ persona: "Champion", contacts: 1 }]);
    expect(list.lastApply?.status).toBe("succeeded");

    // Deleting a definition leaves matched contacts as they are until the next re-apply, which clears them.
    expect((await mkt.delete(`/api/v1/personas/${list.items[3]!.id}`)).statusCode).toBe(204);
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${kim.id}`)).persona).toBe("Student");
    await mkt.post("/api/v1/personas/apply");
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    expect(json<Contact>(await sales.get(`/api/v1/contacts/${kim.id}`))).toMatchObject({ persona: null, personaSource: null });

    // Criteria edits; the preview answers what a contact would get.
    const edited = json<Serialized<Persona>>(await mkt.patch(`/api/v1/personas/${it.id}`, { criteria: criteria({ titleKeywords: ["IT", "infrastructure"], seniorities: ["manager", "director"] }) }));
    expect(edited.criteria.titleKeywords).toEqual(["IT", "infrastructure"]);
    expect(json(await sales.post("/api/v1/personas/preview", { title: "Infrastructure Manager", seniority: "manager", employees: 50 }))).toEqual({ persona: { id: it.id, name: "IT leader" } });
    expect(json(await sales.post("/api/v1/personas/preview", { title: "Chef" }))).toEqual({ persona: null });
  });

  it("matches imported contacts: a finished import queues the re-apply job", async () => {
    const ws = await h.workspace();
    await h.as(ws.users.marketing).post("/api/v1/personas", { name: "Engineer", criteria: criteria({ titleKeywords: ["engineer"] }) });
    const { payload, headers } = multipartFile("people.csv", "email,last name,title\nann@imp.example,Ann,Platform Engineer\nbo@imp.example,Bo,Chef\n");
    const up = await h.app.inject({ method: "POST", url: "/api/v1/imports?entity=contacts&preset=generic", payload, headers: { ...headers, authorization: `Bearer ${ws.users.admin.token}` } });
    expect(up.statusCode, up.body).toBe(201);
    expect((await h.as(ws.users.admin).post(`/api/v1/imports/${json<{ id: string }>(up).id}/start`, {})).statusCode).toBe(202);
    const done = await h.modules.jobs.jobs.drain(ws.workspaceId);
    // The import, then the persona job it queued: 2 contacts scanned, Ann matched.
    expect(done.map((j) => [j.kind, j.status])).toEqual([["import", "succeeded"], ["persona_apply", "succeeded"]]);
    expect(done[1]!.result).toEqual({ scanned: 2, changed: 1, definitions: 1 });
    const people = json<{ items: Contact[] }>(await h.as(ws.users.sales).get("/api/v1/contacts?persona=Engineer"));
    expect(people.items.map((c) => c.personaSource)).toEqual(["matched"]);
  });

  it("keeps other workspaces' personas out of reach", async () => {
    const [a, b] = [await h.workspace(), await h.workspace()];
    const p = json<{ id: string }>(await h.as(b.users.marketing).post("/api/v1/personas", { name: "CFO", criteria: criteria({ departments: ["Finance"] }) }));
    expect((await h.as(a.users.marketing).get(`/api/v1/personas/${p.id}`)).statusCode).toBe(404);
    expect((await h.as(a.users.marketing).patch(`/api/v1/personas/${p.id}`, { description: "x" })).statusCode).toBe(404);
    expect(json<Serialized<PersonaList>>(await h.as(a.users.sales).get("/api/v1/personas")).items).toEqual([]);
  });
});

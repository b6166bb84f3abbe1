import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import { matchPersona, type PersonaDefinition } from "../../../shared/domain/personas.js";
import type { CreatePersonaBody, Persona, PersonaList, PersonaPreviewBody, UpdatePersonaBody } from "../../../shared/contracts/enablement-personas.js";
import type { PersonaAccess } from "../crm/index.js";
import type { JobContext, JobsService } from "../jobs/index.js";
import type { PersonaRow, PersonasRepository } from "./personas.repository.js";
import { requirePersonaManager } from "./enablement.policy.js";

type Deps = {
  db: Database;
  repo: PersonasRepository;
  clock: Clock;
  crm: PersonaAccess;
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor" | "pendingOf">;
  /** Recomputes a contact's fit after the re-apply job changed its persona (fit rules may read contact.persona). */
  refreshFit: (tx: Tx, workspaceId: string, contactId: string) => Promise<void>;
};

const BATCH = 1_000;

/** Persona definitions, matching on contact writes and the re-apply job (docs/ENABLEMENT.md, "Personas"). */
export function createPersonasService({ db, repo, clock, crm, jobs, refreshFit }: Deps) {
  const definitions = (rows: PersonaRow[]): PersonaDefinition[] => rows.map((r) => ({ id: r.id, name: r.name, criteria: r.criteria }));

  /** Matches the given contacts (those not set by hand) and writes the personas that changed; returns the changed ids. */
  async function applyTo(tx: Tx, workspaceId: string, defs: PersonaDefinition[], candidates: Awaited<ReturnType<PersonaAccess["candidates"]>>) {
    const changes = candidates.map((c) => ({ id: c.id, persona: matchPersona(defs, c)?.name ?? null, before: c.persona })).filter((c) => c.persona !== c.before);
    await crm.setMatched(tx, workspaceId, changes);
    return changes;
  }

  function present(row: PersonaRow, counts: Map<string, { manual: number; matched: number }>): Persona {
    const { workspaceId: _w, createdBy: _c, ...p } = row;
    return { ...p, contacts: counts.get(row.name) ?? { manual: 0, matched: 0 } };
  }

  async function countsIn(tx: Queryable, workspaceId: string) {
    const counts = new Map<string, { manual: number; matched: number }>();
    for (const r of await crm.personaCounts(tx, workspaceId)) {
      const c = counts.get(r.persona) ?? { manual: 0, matched: 0 };
      if (r.source === "matched") c.matched += r.n;
      else c.manual += r.n;
      counts.set(r.persona, c);
    }
    return counts;
  }

  /** Every definition with its contacts, the persona values no definition has, and the last re-apply job. */
  function listPersonas(ctx: RequestContext): Promise<PersonaList> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const rows = await repo.list(tx, ctx.workspaceId);
      const counts = await countsIn(tx, ctx.workspaceId);
      const names = new Set(rows.map((r) => r.name));
      const undefinedPersonas = [...counts].filter(([p]) => !names.has(p)).map(([persona, c]) => ({ persona, contacts: c.manual + c.matched })).sort((a, b) => b.contacts - a.contacts || a.persona.localeCompare(b.persona));
      const lastApply = await jobs.latestFor(tx, ctx.workspaceId, "persona_apply", ctx.workspaceId);
      return { items: rows.map((r) => present(r, counts)), undefinedPersonas, lastApply };
    });
  }

  /** One definition with its contacts. */
  function getPersona(ctx: RequestContext, id: string): Promise<Persona> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findById(tx, ctx.workspaceId, id);
      if (!row) throw notFound("Persona");
      return present(row, await countsIn(tx, ctx.workspaceId));
    });
  }

  /** Adds a definition; names are unique ignoring case. Existing contacts change only when the re-apply job runs. */
  async function createPersona(ctx: RequestContext, body: CreatePersonaBody) {
    requirePersonaManager(ctx.actor, "define personas");
    const now = clock.now();
    const id = newId();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const taken = await repo.findByName(tx, ctx.workspaceId, body.name);
      const row = taken ? null : await repo.insert(tx, { workspaceId: ctx.workspaceId, id, name: body.name, description: body.description ?? null, criteria: body.criteria, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      if (!row) throw new AppError("conflict", `A persona named "${taken?.name ?? body.name}" exists already`);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "persona.created", entity: "persona", entityId: id, changes: body }, ctx.requestId);
    });
    return getPersona(ctx, id);
  }

  /** Changes a definition's description or criteria. */
  async function updatePersona(ctx: RequestContext, id: string, body: UpdatePersonaBody) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Persona");
      requirePersonaManager(ctx.actor, "change personas");
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "persona.updated", entity: "persona", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
    });
    return getPersona(ctx, id);
  }

  /** Deletes a definition; contacts keep the name until the re-apply job re-matches those not set by hand. */
  async function deletePersona(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!row) throw notFound("Persona");
      requirePersonaManager(ctx.actor, "delete personas");
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "persona.deleted", entity: "persona", entityId: id, changes: { name: row.name } }, ctx.requestId);
    });
  }

  /** The definition a contact with these fields would get. */
  function previewPersona(ctx: RequestContext, body: PersonaPreviewBody) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const hit = matchPersona(definitions(await repo.list(tx, ctx.workspaceId)), {
        title: body.title ?? null,
        seniority: body.seniority ?? null,
        department: body.department ?? null,
        industry: body.industry ?? null,
        employees: body.employees ?? null,
      });
      return { persona: hit && { id: hit.id, name: hit.name } };
    });
  }

  /** Queues the re-apply job (one at a time: 409 while one is queued or running). */
  async function startApply(ctx: RequestContext) {
    requirePersonaManager(ctx.actor, "re-apply personas");
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      if ((await jobs.pendingOf(tx, ctx.workspaceId, "persona_apply")).length > 0) throw new AppError("conflict", "Personas are being re-applied already");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "personas.apply_started", entity: "persona" }, ctx.requestId);
      return jobs.enqueueIn(tx, ctx.workspaceId, { kind: "persona_apply", subjectId: ctx.workspaceId, requestedBy: ctx.actor.userId });
    });
    await jobs.announce(job);
    return job;
  }

  /** Queues the re-apply job from inside the system (after an import), unless one is already waiting. */
  async function queueApply(workspaceId: string) {
    const job = await db.inWorkspace(workspaceId, async (tx) => {
      const pending = await jobs.pendingOf(tx, workspaceId, "persona_apply");
      if (pending.some((j) => j.status === "queued")) return null;
      return jobs.enqueueIn(tx, workspaceId, { kind: "persona_apply", subjectId: workspaceId });
    });
    if (job) await jobs.announce(job);
  }

  /** The persona_apply job: re-matches every contact not set by hand, 1,000 per transaction, with progress. */
  async function runApply(job: JobContext): Promise<Record<string, unknown>> {
    const { workspaceId } = job;
    const [defs, total] = await db.inWorkspace(workspaceId, async (tx) => [definitions(await repo.list(tx, workspaceId)), await crm.countCandidates(tx, workspaceId)] as const);
    await job.progress(0, total, "contacts");
    let afterId: string | null = null;
    let scanned = 0;
    let changed = 0;
    for (;;) {
      const batch = await db.inWorkspace(workspaceId, async (tx) => {
        const rows = await crm.candidates(tx, workspaceId, { afterId, limit: BATCH });
        const changes = await applyTo(tx, workspaceId, defs, rows);
        for (const c of changes) await refreshFit(tx, workspaceId, c.id);
        return { rows: rows.length, last: rows[rows.length - 1]?.id ?? null, changed: changes.length };
      });
      scanned += batch.rows;
      changed += batch.changed;
      await job.progress(Math.min(scanned, Math.max(total, scanned)), Math.max(total, scanned), "contacts");
      if (batch.rows < BATCH || !batch.last) break;
      afterId = batch.last;
    }
    return { scanned, changed, definitions: defs.length };
  }

  /** CRM hook (first of the contactChanged hooks, so fit scoring sees the persona): matches a contact not set by hand. */
  function onContactChanged(tx: Tx, workspaceId: string, contactId: string) {
    return onContactsChanged(tx, workspaceId, [contactId]);
  }

  /** The set form (first of the contactsChanged hooks): matches many new contacts in two reads and one write. */
  async function onContactsChanged(tx: Tx, workspaceId: string, contactIds: string[]) {
    const rows = await crm.candidates(tx, workspaceId, { ids: contactIds });
    if (rows.length === 0) return;
    await applyTo(tx, workspaceId, definitions(await repo.list(tx, workspaceId)), rows);
  }

  /** CRM hook: an account's industry or size changed, so its contacts may match another persona. */
  async function onAccountChanged(tx: Tx, workspaceId: string, accountId: string) {
    const ids = await crm.accountContactIds(tx, workspaceId, accountId);
    const rows = await crm.candidates(tx, workspaceId, { ids });
    if (rows.length === 0) return;
    await applyTo(tx, workspaceId, definitions(await repo.list(tx, workspaceId)), rows);
  }

  /** The definitions, for other parts of the module (messages, insights validate a persona id). */
  function findIn(tx: Queryable, workspaceId: string, id: string) {
    return repo.findById(tx, workspaceId, id);
  }

  jobs.register("persona_apply", runApply);
  return { listPersonas, getPersona, createPersona, updatePersona, deletePersona, previewPersona, startApply, queueApply, runApply, onContactChanged, onContactsChanged, onAccountChanged, findIn };
}

export type PersonasService = ReturnType<typeof createPersonasService>;

import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import { notFound } from "../../../shared/errors.js";
import { canTransition } from "../../../shared/domain/lifecycle.js";
import { applyTouch, firstMatchingRule, gradeFor, meetsMqlRule, readEngagement, scoreFit, withinCap, type EngagementState } from "../../../shared/domain/scoring.js";
import type { AgreementService } from "../agreement/index.js";
import type { CrmModule } from "../crm/index.js";
import type { DefinitionRow } from "../agreement/agreement.repository.js";
import type { ScoringRepository } from "./scoring.repository.js";
import { GRADES, type Grade } from "../../../shared/contracts/agreement.js";
import type { ContactRow } from "../crm/contacts.repository.js";

const isGrade = (g: string | null): g is Grade => (GRADES as readonly (string | null)[]).includes(g);

export type ScoredTouch = {
  id: string;
  contactId: string | null;
  type: string;
  channel: string | null;
  campaignId: string | null;
  occurredAt: Date;
  properties: Record<string, unknown>;
};

type Deps = {
  db: Database;
  repo: ScoringRepository;
  clock: Clock;
  agreement: Pick<AgreementService, "getActiveDefinitionIn">;
  crm: Pick<CrmModule, "scoringAccess" | "lifecycle">;
  touches: { touchesOfContact(tx: Tx, workspaceId: string, contactId: string): Promise<ScoredTouch[]> };
};

const DAY_MS = 86_400_000;
// A lead qualifies from these stages; later stages are already past the MQL gate.
const QUALIFIABLE = new Set(["subscriber", "lead", "recycled"]);

/** Fit grade, decaying engagement and the MQL gate, applied as data arrives and in full on demand. */
export function createScoringService({ db, repo, clock, agreement, crm, touches }: Deps) {
  // `contact` is the row already locked by the caller; scoring never changes its stage, so it is current.
  async function maybeQualify(tx: Tx, workspaceId: string, contact: ContactRow, def: DefinitionRow, grade: Grade, engagement: number, explanation: string) {
    if (!QUALIFIABLE.has(contact.stage) || !canTransition(contact.stage, "mql")) return;
    if (!meetsMqlRule(def.mqlRule, grade, engagement)) return;
    await crm.lifecycle.applyMove(tx, workspaceId, null, { ...contact, definitionVersion: def.version }, { stage: "mql", note: explanation }, { actorKind: "automation" });
  }

  /** Scores one new touchpoint for its contact in the caller's transaction: O(1) in the contact's history. */
  async function onTouchpoint(tx: Tx, workspaceId: string, t: ScoredTouch): Promise<void> {
    if (!t.contactId) return;
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    const rule = firstMatchingRule(def.engagementRules, { type: t.type, channel: t.channel, campaignId: t.campaignId, assetStage: null, properties: t.properties });
    if (!rule) return;
    const at = t.occurredAt.getTime();
    if (rule.cap) {
      const prior = await repo.scoringTimes(tx, workspaceId, t.contactId, rule.id, def.version, new Date(at - rule.cap.windowDays * DAY_MS), t.occurredAt);
      if (!withinCap(rule, prior, at)) return;
    }
    const loaded = await crm.scoringAccess.loadForScoring(tx, workspaceId, t.contactId);
    if (!loaded) return;
    const c = loaded.contact;
    const state: EngagementState = c.definitionVersion === def.version ? { score: c.engagementScore, at: c.engagementAt?.getTime() ?? null } : { score: 0, at: null };
    const next = applyTouch(state, rule.points, at, def.halfLifeDays);
    await repo.insertEvents(tx, [{ workspaceId, id: newId(), contactId: c.id, at: t.occurredAt, kind: "engagement", ruleId: rule.id, ruleLabel: rule.label, points: rule.points, touchpointId: t.id, definitionVersion: def.version }]);
    const fit = c.definitionVersion === def.version && isGrade(c.fitGrade) ? { points: c.fitPoints, grade: c.fitGrade } : fitOf(def, loaded.subject);
    await crm.scoringAccess.saveScores(tx, workspaceId, c.id, { engagementScore: next.score, engagementAt: next.at === null ? null : new Date(next.at), fitPoints: fit.points, fitGrade: fit.grade, definitionVersion: def.version });
    const now = readEngagement(next, clock.now().getTime(), def.halfLifeDays);
    await maybeQualify(tx, workspaceId, c, def, fit.grade, now, `v${def.version}: grade ${fit.grade}, engagement ${now.toFixed(1)} ≥ ${def.mqlRule.engagementThreshold} after "${rule.label}"`);
  }

  function fitOf(def: DefinitionRow, subject: Parameters<typeof scoreFit>[1]) {
    const r = scoreFit(def.fitRules, subject);
    return { points: r.points, grade: gradeFor(r.points, def.gradeThresholds), fired: r.fired };
  }

  /** Recomputes a contact's fit after its (or its account's) fields changed. */
  async function refreshFit(tx: Tx, workspaceId: string, contactId: string): Promise<void> {
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    const loaded = await crm.scoringAccess.loadForScoring(tx, workspaceId, contactId);
    if (!loaded) return;
    const fit = fitOf(def, loaded.subject);
    const c = loaded.contact;
    const sameVersion = c.definitionVersion === def.version;
    await crm.scoringAccess.saveScores(tx, workspaceId, contactId, {
      fitPoints: fit.points,
      fitGrade: fit.grade,
      definitionVersion: def.version,
      ...(sameVersion ? {} : { engagementScore: 0, engagementAt: null }),
    });
    const engagement = sameVersion ? readEngagement({ score: c.engagementScore, at: c.engagementAt?.getTime() ?? null }, clock.now().getTime(), def.halfLifeDays) : 0;
    await maybeQualify(tx, workspaceId, c, def, fit.grade, engagement, `v${def.version}: grade ${fit.grade} (${fit.fired.map((f) => f.label).join(", ") || "no fit rules"}), engagement ${engagement.toFixed(1)}`);
  }

  /** Recomputes fit after an account change for each of its contacts. */
  async function refreshAccountFit(tx: Tx, workspaceId: string, accountId: string): Promise<void> {
    for (const id of await crm.scoringAccess.contactIdsOfAccount(tx, workspaceId, accountId)) await refreshFit(tx, workspaceId, id);
  }

  /** Scores one contact from scratch under the active definition (fit, every touch in time order with caps). */
  async function rescoreContact(tx: Tx, workspaceId: string, def: DefinitionRow, contactId: string): Promise<void> {
    const loaded = await crm.scoringAccess.loadForScoring(tx, workspaceId, contactId);
    if (!loaded) return;
    const fit = fitOf(def, loaded.subject);
    let state: EngagementState = { score: 0, at: null };
    const scored = new Map<string, number[]>();
    const events: Parameters<ScoringRepository["insertEvents"]>[1] = [];
    for (const t of await touches.touchesOfContact(tx, workspaceId, contactId)) {
      const rule = firstMatchingRule(def.engagementRules, { type: t.type, channel: t.channel, campaignId: t.campaignId, assetStage: null, properties: t.properties });
      if (!rule) continue;
      const at = t.occurredAt.getTime();
      const prior = scored.get(rule.id) ?? [];
      if (!withinCap(rule, prior, at)) continue;
      scored.set(rule.id, [...prior, at]);
      state = applyTouch(state, rule.points, at, def.halfLifeDays);
      events.push({ workspaceId, id: newId(), contactId, at: t.occurredAt, kind: "engagement", ruleId: rule.id, ruleLabel: rule.label, points: rule.points, touchpointId: t.id, definitionVersion: def.version });
    }
    await repo.insertEvents(tx, events);
    await crm.scoringAccess.saveScores(tx, workspaceId, contactId, { fitPoints: fit.points, fitGrade: fit.grade, engagementScore: state.score, engagementAt: state.at === null ? null : new Date(state.at), definitionVersion: def.version });
    const now = readEngagement(state, clock.now().getTime(), def.halfLifeDays);
    await maybeQualify(tx, workspaceId, loaded.contact, def, fit.grade, now, `v${def.version} re-score: grade ${fit.grade}, engagement ${now.toFixed(1)}`);
  }

  /** Re-scores every contact of the workspace under the active definition, in batches, reporting progress. */
  async function rescoreWorkspace(workspaceId: string, onProgress?: (done: number, total: number) => void): Promise<{ contacts: number }> {
    const def = await db.inWorkspace(workspaceId, (tx) => agreement.getActiveDefinitionIn(tx, workspaceId));
    if (!def) return { contacts: 0 };
    const total = await db.inWorkspace(workspaceId, (tx) => crm.scoringAccess.countContacts(tx, workspaceId));
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const cursor: string | null = after;
      const ids = await db.inWorkspace(workspaceId, async (tx) => {
        const batch = await crm.scoringAccess.contactIdsAfter(tx, workspaceId, cursor, 500);
        for (const id of batch) await rescoreContact(tx, workspaceId, def, id);
        return batch;
      });
      if (!ids.length) break;
      done += ids.length;
      after = ids[ids.length - 1]!;
      onProgress?.(done, total);
    }
    return { contacts: done };
  }

  /** Why a contact scores what it does: fit rules that fire now, engagement now, and the points history. */
  async function explain(ctx: RequestContext, contactId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const loaded = await crm.scoringAccess.loadForScoring(tx, ctx.workspaceId, contactId);
      if (!loaded) throw notFound("Contact");
      const def = await agreement.getActiveDefinitionIn(tx, ctx.workspaceId);
      const c = loaded.contact;
      const fit = def ? fitOf(def, loaded.subject) : null;
      const engagement = def && c.definitionVersion === def.version ? readEngagement({ score: c.engagementScore, at: c.engagementAt?.getTime() ?? null }, clock.now().getTime(), def.halfLifeDays) : 0;
      return {
        definitionVersion: def?.version ?? null,
        fitPoints: fit?.points ?? 0,
        fitGrade: fit?.grade ?? null,
        fitRules: fit?.fired ?? [],
        engagement,
        mqlRule: def?.mqlRule ?? null,
        meetsMqlRule: def && fit ? meetsMqlRule(def.mqlRule, fit.grade, engagement) : false,
        history: (await repo.history(tx, ctx.workspaceId, contactId, 100)).map((e) => ({ at: e.at, kind: e.kind, ruleId: e.ruleId, ruleLabel: e.ruleLabel, points: e.points, touchpointId: e.touchpointId, definitionVersion: e.definitionVersion })),
      };
    });
  }

  return { onTouchpoint, refreshFit, refreshAccountFit, rescoreContact, rescoreWorkspace, explain };
}

export type ScoringService = ReturnType<typeof createScoringService>;

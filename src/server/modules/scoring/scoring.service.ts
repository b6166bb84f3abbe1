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
import { fitSubjectOf } from "../crm/scoring-access.js";
import { replayTouches } from "../../../shared/domain/scoring-replay.js";
import type { ScoreEventRow, ScorePatchRow, ScoringScanRepository } from "./scoring-scan.repository.js";
import { isCompilable } from "./definition-sql.js";

const isGrade = (g: string | null): g is Grade => (GRADES as readonly (string | null)[]).includes(g);

export type IncomingTouch = {
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
  scan: ScoringScanRepository;
};

const DAY_MS = 86_400_000;
const RESCORE_PAGE = 2_000;
const SET_BASED_PAGE = 20_000;
const HISTORY_LIMIT = 100;
// A lead qualifies from these stages; later stages are already past the MQL gate.
const QUALIFIABLE = new Set(["subscriber", "lead", "recycled"]);

/** Fit grade, decaying engagement and the MQL gate, applied as data arrives and in full on demand. */
export function createScoringService({ db, repo, scan, clock, agreement, crm }: Deps) {
  // `contact` is the row already locked by the caller; scoring never changes its stage, so it is current.
  async function maybeQualify(tx: Tx, workspaceId: string, contact: ContactRow, def: DefinitionRow, grade: Grade, engagement: number, explanation: string) {
    if (!QUALIFIABLE.has(contact.stage) || !canTransition(contact.stage, "mql")) return;
    if (!meetsMqlRule(def.mqlRule, grade, engagement)) return;
    await crm.lifecycle.applyMove(tx, workspaceId, null, { ...contact, definitionVersion: def.version }, { stage: "mql", note: explanation }, { actorKind: "automation" });
  }

  /** Scores one new touchpoint for its contact in the caller's transaction: O(1) in the contact's history. */
  async function onTouchpoint(tx: Tx, workspaceId: string, t: IncomingTouch): Promise<void> {
    if (!t.contactId) return;
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    await scoreTouch(tx, workspaceId, def, t);
  }

  /** Scores new touchpoints in the caller's transaction: the definition is read once, touches in time order. */
  async function onTouchpoints(tx: Tx, workspaceId: string, touches: IncomingTouch[]): Promise<void> {
    const withContact = touches.filter((t) => t.contactId);
    if (withContact.length === 0) return;
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    const ordered = [...withContact].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
    for (const t of ordered) await scoreTouch(tx, workspaceId, def, t);
  }

  async function scoreTouch(tx: Tx, workspaceId: string, def: DefinitionRow, t: IncomingTouch): Promise<void> {
    if (!t.contactId) return;
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

  /**
   * Re-scores every contact under the active definition, a page at a time: each page's contacts are locked (a
   * touch arriving meanwhile waits and then applies incrementally on top), their touches read in one query,
   * replayed in memory, and scores and points history written in one statement each.
   */
  async function rescoreWorkspace(workspaceId: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<{ contacts: number; events: number; qualified: number; superseded?: boolean }> {
    const def = await db.inWorkspace(workspaceId, (tx) => agreement.getActiveDefinitionIn(tx, workspaceId));
    if (!def) return { contacts: 0, events: 0, qualified: 0 };
    const total = await db.inWorkspace(workspaceId, (tx) => scan.countContacts(tx, workspaceId));
    if (isCompilable(def)) return rescoreInDatabase(workspaceId, def, total, onProgress);
    const withProperties = def.engagementRules.some((r) => r.match.properties && Object.keys(r.match.properties).length > 0);
    const now = clock.now().getTime();
    let after: string | null = null;
    const totals = { contacts: 0, events: 0, qualified: 0 };
    for (;;) {
      const cursor: string | null = after;
      const page = await db.inWorkspace(workspaceId, async (tx) => {
        if (await isSuperseded(tx, workspaceId, def)) return { ids: [], events: 0, qualified: 0, superseded: true };
        const rows = await scan.contactPage(tx, workspaceId, cursor, RESCORE_PAGE, true);
        const touchesBy = await scan.touchesOf(tx, workspaceId, rows.map((r) => r.contact.id), { withProperties });
        const patches: ScorePatchRow[] = [];
        const events: ScoreEventRow[] = [];
        const toQualify: { contact: ContactRow; grade: Grade; engagement: number }[] = [];
        for (const { contact, account } of rows) {
          const fit = fitOf(def, fitSubjectOf(contact, account));
          const replay = replayTouches(def, fit.grade, touchesBy.get(contact.id) ?? []);
          patches.push({ id: contact.id, fitPoints: fit.points, fitGrade: fit.grade, engagementScore: replay.state.score, engagementAt: replay.state.at === null ? null : new Date(replay.state.at), definitionVersion: def.version });
          for (const e of replay.scored) events.push({ id: newId(), contactId: contact.id, at: new Date(e.at), ruleId: e.ruleId, ruleLabel: e.ruleLabel, points: e.points, touchpointId: e.touchId, definitionVersion: def.version });
          const engagement = readEngagement(replay.state, now, def.halfLifeDays);
          if (QUALIFIABLE.has(contact.stage) && meetsMqlRule(def.mqlRule, fit.grade, engagement)) toQualify.push({ contact, grade: fit.grade, engagement });
        }
        await scan.saveScores(tx, workspaceId, patches);
        await scan.replaceEvents(tx, workspaceId, rows.map((r) => r.contact.id), def.version, events);
        for (const q of toQualify) await maybeQualify(tx, workspaceId, q.contact, def, q.grade, q.engagement, `v${def.version} re-score: grade ${q.grade}, engagement ${q.engagement.toFixed(1)}`);
        return { ids: rows.map((r) => r.contact.id), events: events.length, qualified: toQualify.length, superseded: false };
      });
      if (page.superseded) return { ...totals, superseded: true };
      if (!page.ids.length) break;
      totals.contacts += page.ids.length;
      totals.events += page.events;
      totals.qualified += page.qualified;
      after = page.ids[page.ids.length - 1]!;
      await onProgress?.(totals.contacts, total);
    }
    return totals;
  }

  // Another version may have activated while a long re-score runs (its own re-score is queued): this one stops
  // rather than stamp contacts with a superseded version.
  async function isSuperseded(tx: Tx, workspaceId: string, def: DefinitionRow) {
    const current = await agreement.getActiveDefinitionIn(tx, workspaceId);
    return current?.id !== def.id;
  }

  // The set-based path: the definition compiled to SQL, a page of contacts per statement pair.
  async function rescoreInDatabase(workspaceId: string, def: DefinitionRow, total: number, onProgress?: (done: number, total: number) => Promise<void> | void) {
    const now = clock.now();
    let after: string | null = null;
    const totals = { contacts: 0, events: 0, qualified: 0 };
    for (;;) {
      const cursor: string | null = after;
      const page = await db.inWorkspace(workspaceId, async (tx) => {
        if (await isSuperseded(tx, workspaceId, def)) return { ids: [], qualified: 0, events: 0, superseded: true };
        const ids = await scan.lockIdPage(tx, workspaceId, cursor, SET_BASED_PAGE);
        if (ids.length === 0) return { ids, qualified: 0, events: 0, superseded: false };
        const scored = await scan.rescorePage(tx, workspaceId, def, ids);
        let qualified = 0;
        for (const r of scored) {
          if (!QUALIFIABLE.has(r.stage) || !isGrade(r.grade)) continue;
          const engagement = readEngagement({ score: r.score, at: r.at?.getTime() ?? null }, now.getTime(), def.halfLifeDays);
          if (!meetsMqlRule(def.mqlRule, r.grade, engagement)) continue;
          const loaded = await crm.scoringAccess.loadForScoring(tx, workspaceId, r.id);
          if (!loaded) continue;
          await maybeQualify(tx, workspaceId, loaded.contact, def, r.grade, engagement, `v${def.version} re-score: grade ${r.grade}, engagement ${engagement.toFixed(1)}`);
          qualified += 1;
        }
        return { ids, qualified, events: scored.reduce((n, r) => n + r.scored, 0), superseded: false };
      });
      if (page.superseded) return { ...totals, superseded: true };
      if (page.ids.length === 0) break;
      totals.contacts += page.ids.length;
      totals.qualified += page.qualified;
      totals.events += page.events;
      after = page.ids[page.ids.length - 1]!;
      await onProgress?.(totals.contacts, total);
    }
    return totals;
  }

  // The points history under the version in force: the contact's touches replayed through its rules (the same
  // replay a re-score does), newest first — so it always names the rules of the agreement that decides today.
  async function historyUnder(tx: Tx, workspaceId: string, def: DefinitionRow, contactId: string, grade: Grade) {
    const touchesBy = await scan.touchesOf(tx, workspaceId, [contactId], { withProperties: true });
    const { scored } = replayTouches(def, grade, touchesBy.get(contactId) ?? []);
    return scored
      .slice(-HISTORY_LIMIT)
      .reverse()
      .map((e) => ({ at: new Date(e.at), kind: "engagement" as const, ruleId: e.ruleId, ruleLabel: e.ruleLabel, points: e.points, touchpointId: e.touchId, definitionVersion: def.version }));
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
        history: def ? await historyUnder(tx, ctx.workspaceId, def, c.id, fit!.grade) : [],
      };
    });
  }

  return { onTouchpoint, onTouchpoints, refreshFit, refreshAccountFit, rescoreWorkspace, explain };
}

export type ScoringService = ReturnType<typeof createScoringService>;

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
import { capKey, type ScoringRepository } from "./scoring.repository.js";
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

function qualifies(contact: ContactRow, def: DefinitionRow, grade: Grade, engagement: number): boolean {
  return QUALIFIABLE.has(contact.stage) && canTransition(contact.stage, "mql") && meetsMqlRule(def.mqlRule, grade, engagement);
}

/** Fit grade, decaying engagement and the MQL gate, applied as data arrives and in full on demand. */
export function createScoringService({ db, repo, scan, clock, agreement, crm }: Deps) {
  // `contact` is the row already locked by the caller; scoring never changes its stage, so it is current.
  async function maybeQualify(tx: Tx, workspaceId: string, contact: ContactRow, def: DefinitionRow, grade: Grade, engagement: number, explanation: string) {
    if (!qualifies(contact, def, grade, engagement)) return;
    await crm.lifecycle.applyMove(tx, workspaceId, null, { ...contact, definitionVersion: def.version }, { stage: "mql", note: explanation }, { actorKind: "automation" });
  }

  /**
   * Scores new touchpoints in the caller's transaction, set-based: the definition is read once, the contacts the
   * scoring touches name are locked and read in one statement, capped rules' recent history in one, then each
   * contact's touches are applied in time order in memory (the same O(1) decay update as one at a time), and the
   * points history and the new scores are written in one statement each. A contact qualifies at the first touch
   * that lifts it over the MQL rule, as if the touches had arrived one by one.
   */
  async function onTouchpoints(tx: Tx, workspaceId: string, touches: IncomingTouch[]): Promise<void> {
    const withContact = touches.filter((t) => t.contactId);
    if (withContact.length === 0) return;
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    const ordered = [...withContact].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
    const scoring = ordered.flatMap((t) => {
      const rule = firstMatchingRule(def.engagementRules, { type: t.type, channel: t.channel, campaignId: t.campaignId, assetStage: null, properties: t.properties });
      return rule ? [{ t, contactId: t.contactId!, rule }] : [];
    });
    if (scoring.length === 0) return;
    const loaded = await crm.scoringAccess.loadManyForScoring(tx, workspaceId, [...new Set(scoring.map((s) => s.contactId))]);
    const capped = scoring.filter((s) => s.rule.cap && loaded.has(s.contactId));
    const capTimes = await repo.scoringTimes(
      tx,
      workspaceId,
      def.version,
      capped.map((s) => ({ contactId: s.contactId, ruleId: s.rule.id, from: new Date(s.t.occurredAt.getTime() - s.rule.cap!.windowDays * DAY_MS), to: s.t.occurredAt })),
    );
    const now = clock.now().getTime();
    type Scored = { contact: ContactRow; fit: { points: number; grade: Grade }; state: EngagementState; qualify: { engagement: number; label: string } | null };
    const byContact = new Map<string, Scored>();
    const events: Parameters<ScoringRepository["insertEvents"]>[2] = [];
    for (const { t, contactId, rule } of scoring) {
      const l = loaded.get(contactId);
      if (!l) continue;
      const at = t.occurredAt.getTime();
      if (rule.cap) {
        const times = capTimes.get(capKey(contactId, rule.id)) ?? [];
        if (!withinCap(rule, times, at)) continue;
        times.push(at);
        capTimes.set(capKey(contactId, rule.id), times);
      }
      let s = byContact.get(contactId);
      if (!s) {
        const c = l.contact;
        const fit = c.definitionVersion === def.version && isGrade(c.fitGrade) ? { points: c.fitPoints, grade: c.fitGrade } : fitOf(def, l.subject);
        const state: EngagementState = c.definitionVersion === def.version ? { score: c.engagementScore, at: c.engagementAt?.getTime() ?? null } : { score: 0, at: null };
        s = { contact: c, fit, state, qualify: null };
        byContact.set(contactId, s);
      }
      s.state = applyTouch(s.state, rule.points, at, def.halfLifeDays);
      events.push({ id: newId(), contactId, at: t.occurredAt, ruleId: rule.id, ruleLabel: rule.label, points: rule.points, touchpointId: t.id, definitionVersion: def.version });
      if (!s.qualify) {
        const engagement = readEngagement(s.state, now, def.halfLifeDays);
        if (qualifies(s.contact, def, s.fit.grade, engagement)) s.qualify = { engagement, label: rule.label };
      }
    }
    await repo.insertEvents(tx, workspaceId, events);
    const scored = [...byContact.values()];
    await scan.saveScores(tx, workspaceId, scored.map((s) => ({ id: s.contact.id, fitPoints: s.fit.points, fitGrade: s.fit.grade, engagementScore: s.state.score, engagementAt: s.state.at === null ? null : new Date(s.state.at), definitionVersion: def.version })));
    for (const s of scored) {
      if (s.qualify) await maybeQualify(tx, workspaceId, s.contact, def, s.fit.grade, s.qualify.engagement, `v${def.version}: grade ${s.fit.grade}, engagement ${s.qualify.engagement.toFixed(1)} ≥ ${def.mqlRule.engagementThreshold} after "${s.qualify.label}"`);
    }
  }

  function fitOf(def: DefinitionRow, subject: Parameters<typeof scoreFit>[1]) {
    const r = scoreFit(def.fitRules, subject);
    return { points: r.points, grade: gradeFor(r.points, def.gradeThresholds), fired: r.fired };
  }

  /** Recomputes a contact's fit after its (or its account's) fields changed. */
  function refreshFit(tx: Tx, workspaceId: string, contactId: string): Promise<void> {
    return refreshFitMany(tx, workspaceId, [contactId]);
  }

  /**
   * Recomputes the fit of some contacts (new contacts of a batch, an account's contacts, one changed contact): the
   * definition read once, the contacts locked and read in one statement (id order), their scores written in one; a
   * contact the new fit qualifies moves to MQL. Engagement is kept, or restarts at 0 under a new definition version.
   */
  async function refreshFitMany(tx: Tx, workspaceId: string, contactIds: string[]): Promise<void> {
    if (contactIds.length === 0) return;
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def) return;
    const loaded = [...(await crm.scoringAccess.loadManyForScoring(tx, workspaceId, contactIds)).values()];
    const now = clock.now().getTime();
    const scored = loaded.map(({ contact: c, subject }) => {
      const fit = fitOf(def, subject);
      const sameVersion = c.definitionVersion === def.version;
      const state = sameVersion ? { score: c.engagementScore, at: c.engagementAt?.getTime() ?? null } : { score: 0, at: null };
      return { c, fit, state, engagement: readEngagement(state, now, def.halfLifeDays) };
    });
    await scan.saveScores(
      tx,
      workspaceId,
      scored.map(({ c, fit, state }) => ({ id: c.id, fitPoints: fit.points, fitGrade: fit.grade, engagementScore: state.score, engagementAt: state.at === null ? null : new Date(state.at), definitionVersion: def.version })),
    );
    for (const { c, fit, engagement } of scored) {
      await maybeQualify(tx, workspaceId, c, def, fit.grade, engagement, `v${def.version}: grade ${fit.grade} (${fit.fired.map((f) => f.label).join(", ") || "no fit rules"}), engagement ${engagement.toFixed(1)}`);
    }
  }

  /** Recomputes fit after an account change for each of its contacts. */
  async function refreshAccountFit(tx: Tx, workspaceId: string, accountId: string): Promise<void> {
    await refreshFitMany(tx, workspaceId, await crm.scoringAccess.contactIdsOfAccount(tx, workspaceId, accountId));
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

  return { onTouchpoints, refreshFit, refreshFitMany, refreshAccountFit, rescoreWorkspace, explain };
}

export type ScoringService = ReturnType<typeof createScoringService>;

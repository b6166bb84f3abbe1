import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import { recordAudit } from "../../platform/audit.js";
import { notFound } from "../../../shared/errors.js";
import type { BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import type { ContactPlaybook, Playbook, StepProgress } from "../../../shared/contracts/playbooks.js";
import { choosePlaybook, evaluateAdherence, leadChannelOf, recommendFirstChannel, type StepProgress as DomainStep } from "../../../shared/domain/playbooks.js";
import type { HandedOff } from "../routing/index.js";
import { toPlaybook, type PlaybooksRepository } from "./playbooks.repository.js";
import type { LeadActivityQueries } from "./lead-activity.queries.js";

/** The business calendar adherence counts days in. */
export type CalendarSource = (tx: Tx, workspaceId: string) => Promise<BusinessCalendar>;

type Deps = { db: Database; repo: PlaybooksRepository; leads: LeadActivityQueries; clock: Clock; calendarFor: CalendarSource };

/** A step's progress with the playbook's talk track and asset beside it. */
function withStepDetails(p: Playbook, s: DomainStep): StepProgress {
  const step = p.steps[s.index];
  return { ...s, talkTrack: step?.talkTrack ?? null, assetId: step?.assetId ?? null, dueAt: new Date(s.dueAt), doneAt: s.doneAt === null ? null : new Date(s.doneAt) };
}

/** Which playbook a lead gets, recorded at handoff, and how its follow-up is going. */
export function createRecommendService({ db, repo, leads, clock, calendarFor }: Deps) {
  /** The playbook that matches the lead as of `at` (its converting touch then), with the converting touch. */
  async function matchAt(tx: Tx, workspaceId: string, contactId: string, profile: { source: string | null; channel: string | null; persona: string | null }, at: Date) {
    const converting = await leads.convertingTouch(tx, workspaceId, contactId, at);
    const enabled = (await repo.list(tx, workspaceId)).filter((p) => p.enabled);
    const row = enabled.length ? choosePlaybook(enabled, { ...profile, channel: leadChannelOf(profile.channel, converting) }) : null;
    return { playbook: row ? toPlaybook(row) : null, converting };
  }

  /** The lead's assigned playbook (or else the one matching now) with its steps, what is done and the next due step; null if the contact does not exist. */
  async function recommendIn(tx: Tx, workspaceId: string, contactId: string): Promise<ContactPlaybook | null> {
    const profile = await leads.leadProfile(tx, workspaceId, contactId);
    if (!profile) return null;
    const now = clock.now();
    const assigned = await repo.latestAssignment(tx, workspaceId, contactId);
    if (!assigned) {
      const { playbook, converting } = await matchAt(tx, workspaceId, contactId, profile, now);
      return { contactId, playbook, basis: playbook ? "matched" : "none", assignment: null, firstChannel: recommendFirstChannel(playbook, converting), progress: null };
    }
    const playbook = toPlaybook(assigned.playbook);
    const a = assigned.assignment;
    const touches = await leads.salesTouchesSince(tx, workspaceId, contactId, a.assignedAt);
    const endedAt = await leads.endedAfter(tx, workspaceId, contactId, a.assignedAt);
    const calendar = await calendarFor(tx, workspaceId);
    const progress = evaluateAdherence({ assignedAt: a.assignedAt.getTime(), firstChannel: playbook.firstChannel, steps: playbook.steps, touches, now: now.getTime(), calendar, endedAt: endedAt?.getTime() ?? null });
    return {
      contactId,
      playbook,
      basis: "assigned",
      assignment: { id: a.id, repId: a.repId, repName: assigned.repName, handoffId: a.handoffId, assignedAt: a.assignedAt },
      firstChannel: { channel: playbook.firstChannel, basis: "playbook" },
      progress: {
        ...progress,
        firstTouch: progress.firstTouch && { at: new Date(progress.firstTouch.at), channel: progress.firstTouch.channel },
        steps: progress.steps.map((s) => withStepDetails(playbook, s)),
        nextStep: progress.nextStep && withStepDetails(playbook, progress.nextStep),
        endedAt,
      },
    };
  }

  /** routing handedOff hook: records the playbook matching the lead at handoff, in the handoff's transaction. */
  async function onHandedOff(tx: Tx, workspaceId: string, h: HandedOff): Promise<void> {
    const c = h.contact;
    const { playbook } = await matchAt(tx, workspaceId, c.id, { source: c.source, channel: c.channel, persona: c.persona }, h.at);
    if (!playbook) return;
    const id = newId();
    await repo.insertAssignment(tx, { workspaceId, id, contactId: c.id, playbookId: playbook.id, handoffId: h.handoffId, repId: h.toUserId, assignedAt: h.at });
    await recordAudit(tx, workspaceId, h.actor, h.at, { action: "playbook.assigned", entity: "playbook_assignment", entityId: id, changes: { contactId: c.id, playbookId: playbook.id, repId: h.toUserId, handoffId: h.handoffId } });
  }

  /** The playbook for a contact and its progress, for the contact page. */
  function contactPlaybook(ctx: RequestContext, contactId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const found = await recommendIn(tx, ctx.workspaceId, contactId);
      if (!found) throw notFound("Contact");
      return found;
    });
  }

  return { recommendIn, onHandedOff, contactPlaybook };
}

export type RecommendService = ReturnType<typeof createRecommendService>;

import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { notFound } from "../../../shared/errors.js";
import type { InboxItem, InboxResponse } from "../../../shared/contracts/feedback.js";
import type { SlaModule } from "../sla/index.js";
import type { InboxRepository } from "./inbox.repository.js";
import type { ContactPlaybook } from "../../../shared/contracts/playbooks.js";

/** The playbook line the inbox shows for a lead, from the playbooks module when it is there. */
export type PlaybookHint = InboxItem["playbook"];
export type PlaybookHints = (tx: Tx, workspaceId: string, contactIds: string[]) => Promise<Map<string, NonNullable<PlaybookHint>>>;

/** Inbox hints from the playbooks module's per-contact recommendation (the step due next, or the first channel). */
export function playbookHints(recommendIn: (tx: Tx, workspaceId: string, contactId: string) => Promise<ContactPlaybook | null>): PlaybookHints {
  return async (tx, workspaceId, contactIds) => {
    const out = new Map<string, NonNullable<PlaybookHint>>();
    for (const id of contactIds) {
      const r = await recommendIn(tx, workspaceId, id);
      if (!r) continue;
      const next = r.progress?.nextStep ?? r.playbook?.steps[0] ?? null;
      out.set(id, {
        playbookId: r.playbook?.id ?? null,
        name: r.playbook?.name ?? null,
        firstChannel: r.firstChannel.channel,
        nextStep: next ? `Day ${next.day}: ${next.action} (${next.channel})` : null,
      });
    }
    return out;
  };
}

type Deps = { db: Database; repo: InboxRepository; sla: Pick<SlaModule["ledger"], "countdownsIn">; playbooks?: { hints: PlaybookHints } };

// How many of the most urgent leads come with their playbook's next step.
const PLAYBOOK_HINTS = 20;

/** The SDR queue and the AE inbox: a rep's open leads, most urgent SLA first, with the context to act on them. */
export function createInboxService({ db, repo, sla, playbooks }: Deps) {
  /** A rep's inbox (their own, or, for managers and admins, anyone's). */
  function inbox(ctx: RequestContext, ownerId?: string): Promise<InboxResponse> {
    const who = ownerId ?? ctx.actor.userId;
    if (who !== ctx.actor.userId) requireRole(ctx.actor, ["admin", "manager"], "look at another rep's inbox");
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const member = await repo.member(tx, ctx.workspaceId, who);
      if (!member) throw notFound("Member");
      const rows = await repo.openLeads(tx, ctx.workspaceId, who);
      const ids = rows.map((r) => r.contact_id);
      const timers = await sla.countdownsIn(tx, ctx.workspaceId, ids);
      // The timer that matters for a lead is its newest unfinished one (accept for an MQL, first touch after).
      const timerOf = new Map<string, (typeof timers)[number]>();
      for (const t of timers) if (!timerOf.has(t.contactId)) timerOf.set(t.contactId, t);
      const items: InboxItem[] = rows.map((r) => ({
        contactId: r.contact_id,
        name: r.name,
        email: r.email,
        title: r.title,
        accountId: r.account_id,
        accountName: r.account_name,
        stage: r.stage,
        stageEnteredAt: r.stage_entered_at,
        fitGrade: r.fit_grade,
        engagementScore: r.engagement_score,
        source: r.source,
        channel: r.channel,
        campaignName: r.campaign_name,
        attempts: r.attempts,
        handoff: r.handoff_at && r.handoff_context ? { at: r.handoff_at, reason: r.handoff_reason ?? "", context: r.handoff_context } : null,
        timer: timerOf.get(r.contact_id) ?? null,
        playbook: null,
      }));
      const urgency = (i: InboxItem) => i.timer?.businessMinutesLeft ?? Number.POSITIVE_INFINITY;
      items.sort((a, b) => urgency(a) - urgency(b) || a.stageEnteredAt.getTime() - b.stageEnteredAt.getTime());
      // Playbook progress costs a few queries a lead: the most urgent leads carry it, the rest load it when opened.
      if (playbooks) {
        const top = items.slice(0, PLAYBOOK_HINTS);
        const hints = await playbooks.hints(tx, ctx.workspaceId, top.map((i) => i.contactId));
        for (const i of top) i.playbook = hints.get(i.contactId) ?? null;
      }
      return { ownerId: who, ownerName: member.name, role: member.role, items };
    });
  }

  return { inbox };
}

export type InboxService = ReturnType<typeof createInboxService>;

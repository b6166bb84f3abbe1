import type { Queryable } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import type { NamesAccess } from "../crm/index.js";
import type { Reference, ReferenceUse } from "../../../shared/contracts/enablement-references.js";
import { DEFAULT_REFERENCE_CAP } from "../../../shared/domain/content.js";
import { availabilityOf, localQuarter, type LocalQuarter } from "../../../shared/domain/references.js";
import type { CapWindow, ReferenceRow, ReferenceUseRow, ReferencesRepository } from "./references.repository.js";
import { canDecideReference } from "./references.policy.js";

/** The current quarter in the workspace's zone and the cap that applies to references without their own. */
export type QuarterWindow = CapWindow & { quarter: LocalQuarter };

/** How references and their uses are shown: names, availability this quarter, who may decide. */
export function createReferenceViews(repo: ReferencesRepository, names: NamesAccess) {
  /** The quarter `now` falls in, in the workspace's zone, with the workspace's default cap. */
  async function windowAt(tx: Queryable, workspaceId: string, now: Date): Promise<QuarterWindow> {
    const quarter = localQuarter(await repo.zone(tx, workspaceId), now);
    return { quarter, start: quarter.start, end: quarter.end, defaultCap: (await repo.settings(tx, workspaceId)) ?? DEFAULT_REFERENCE_CAP };
  }

  /** References as the API shows them, with their account's name and availability in the window. */
  async function present(tx: Queryable, workspaceId: string, rows: (ReferenceRow & { ownerName: string | null })[], w: QuarterWindow): Promise<Reference[]> {
    const used = await repo.usedIn(tx, workspaceId, rows.map((r) => r.id), w);
    const accounts = await names.accountNames(tx, workspaceId, rows.map((r) => r.accountId));
    return rows.map((r) => ({
      id: r.id, accountId: r.accountId, accountName: accounts.get(r.accountId) ?? null, contactName: r.contactName, industry: r.industry, size: r.size, region: r.region,
      products: r.products, useCase: r.useCase, quotes: r.quotes, caseStudyAssetIds: r.caseStudyAssetIds, ownerId: r.ownerId, ownerName: r.ownerName,
      quarterlyCap: r.quarterlyCap, active: r.active, availability: availabilityOf(w.quarter, r.quarterlyCap ?? w.defaultCap, used.get(r.id) ?? 0, r.active),
      createdAt: r.createdAt, updatedAt: r.updatedAt,
    }));
  }

  /** Uses with the reference's, deal's and people's names, and whether the actor may decide each. */
  async function presentUses(tx: Queryable, workspaceId: string, actor: Actor, uses: ReferenceUseRow[]): Promise<ReferenceUse[]> {
    const refs = new Map((await repo.findMany(tx, workspaceId, [...new Set(uses.map((u) => u.referenceId))])).map((r) => [r.id, r]));
    const accounts = await names.accountNames(tx, workspaceId, [...refs.values()].map((r) => r.accountId));
    const deals = await names.dealNames(tx, workspaceId, uses.map((u) => u.dealId));
    const people = await repo.userNames(tx, uses.flatMap((u) => [u.requestedBy, u.decidedBy]));
    return uses.map((u) => {
      const ref = refs.get(u.referenceId);
      return {
        id: u.id, referenceId: u.referenceId, referenceName: ref ? (accounts.get(ref.accountId) ?? null) : null, dealId: u.dealId, dealName: deals.get(u.dealId) ?? null,
        requestedBy: u.requestedBy, requestedByName: people.get(u.requestedBy) ?? null, note: u.note, status: u.status, decidedBy: u.decidedBy,
        decidedByName: u.decidedBy ? (people.get(u.decidedBy) ?? null) : null, decidedAt: u.decidedAt, decisionNote: u.decisionNote,
        canDecide: u.status === "requested" && !!ref && canDecideReference(actor, ref.ownerId), createdAt: u.createdAt,
      };
    });
  }

  return { windowAt, present, presentUses };
}

export type ReferenceViews = ReturnType<typeof createReferenceViews>;

import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { podRatio } from "../../../shared/domain/routing.js";
import type { CreatePodBody, Pod, SetPodMembersBody, UpdatePodBody } from "../../../shared/contracts/routing.js";
import type { PodRow, PodsRepository } from "./pods.repository.js";
import type { RoutingRepository } from "./routing.repository.js";
import { requireMembers } from "./routing-members.js";
import { requireRoutingManager } from "./routing.policy.js";

type Deps = { db: Database; repo: PodsRepository; members: Pick<RoutingRepository, "findMembers">; clock: Clock };

const SDR_ROLE = { test: (role: string) => role === "sdr", message: "is not an SDR" };
const AE_ROLE = { test: (role: string) => role === "sales", message: "is not an account executive (sales)" };

/** SDR pods: one SDR working for 3–6 account executives, the ratio shown and flagged outside the band. */
export function createPodsService({ db, repo, members, clock }: Deps) {
  async function present(tx: Tx, workspaceId: string, rows: (PodRow & { sdrName: string | null })[]): Promise<Pod[]> {
    const all = await repo.membersOf(tx, workspaceId, rows.map((p) => p.id));
    return rows.map((p) => {
      const own = all.filter((m) => m.podId === p.id).map((m) => ({ userId: m.userId, name: m.name }));
      return { ...p, members: own, aeCount: own.length, ratio: podRatio(own.length) };
    });
  }

  async function getPod(tx: Tx, workspaceId: string, id: string): Promise<Pod> {
    const pod = await repo.findPod(tx, workspaceId, id);
    if (!pod) throw notFound("Pod");
    return (await present(tx, workspaceId, [pod]))[0]!;
  }

  async function checkSdr(tx: Tx, workspaceId: string, sdrId: string, podId: string | null) {
    await requireMembers(members, tx, workspaceId, [{ path: "body.sdrId", userId: sdrId }], SDR_ROLE);
    const other = await repo.podOfSdr(tx, workspaceId, sdrId, podId);
    if (other) throw new AppError("conflict", `body.sdrId: already leads the pod "${other.name}"`, [{ path: "body.sdrId", message: `already leads the pod "${other.name}"` }]);
  }

  async function checkMembers(tx: Tx, workspaceId: string, memberIds: string[], podId: string | null) {
    const dup = memberIds.findIndex((m, i) => memberIds.indexOf(m) !== i);
    if (dup >= 0) throw invalidField(`body.memberIds.${dup}`, "listed twice");
    await requireMembers(members, tx, workspaceId, memberIds.map((userId, i) => ({ path: `body.memberIds.${i}`, userId })), AE_ROLE);
    const taken = await repo.podsOfMembers(tx, workspaceId, memberIds, podId);
    if (taken.length > 0) {
      const i = memberIds.indexOf(taken[0]!.userId);
      const message = `already serves the pod "${taken[0]!.podName}"`;
      throw new AppError("conflict", `body.memberIds.${i}: ${message}`, [{ path: `body.memberIds.${i}`, message }]);
    }
  }

  /** Every pod with its SDR, account executives and ratio. */
  function listPods(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => present(tx, ctx.workspaceId, await repo.listPods(tx, ctx.workspaceId)));
  }

  /** Creates a pod for an SDR with its account executives. */
  async function createPod(ctx: RequestContext, body: CreatePodBody) {
    requireRoutingManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await checkSdr(tx, ctx.workspaceId, body.sdrId, null);
      await checkMembers(tx, ctx.workspaceId, body.memberIds, null);
      const id = newId();
      await repo.insertPod(tx, { workspaceId: ctx.workspaceId, id, name: body.name, sdrId: body.sdrId, createdAt: now, updatedAt: now });
      await repo.replaceMembers(tx, ctx.workspaceId, id, body.memberIds, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "pod.created", entity: "pod", entityId: id, changes: body }, ctx.requestId);
      return getPod(tx, ctx.workspaceId, id);
    });
  }

  /** Renames a pod or gives it another SDR. */
  async function updatePod(ctx: RequestContext, id: string, body: UpdatePodBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findPod(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Pod");
      requireRoutingManager(ctx.actor);
      if (body.sdrId && body.sdrId !== before.sdrId) await checkSdr(tx, ctx.workspaceId, body.sdrId, id);
      await repo.updatePod(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "pod.updated", entity: "pod", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return getPod(tx, ctx.workspaceId, id);
    });
  }

  /** Replaces a pod's account executives. */
  async function setMembers(ctx: RequestContext, id: string, body: SetPodMembersBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const pod = await repo.findPod(tx, ctx.workspaceId, id, true);
      if (!pod) throw notFound("Pod");
      requireRoutingManager(ctx.actor);
      await checkMembers(tx, ctx.workspaceId, body.memberIds, id);
      const before = (await repo.membersOf(tx, ctx.workspaceId, [id])).map((m) => m.userId);
      await repo.replaceMembers(tx, ctx.workspaceId, id, body.memberIds, now);
      await repo.updatePod(tx, ctx.workspaceId, id, { updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "pod.members_set", entity: "pod", entityId: id, changes: { memberIds: { from: before, to: body.memberIds } } }, ctx.requestId);
      return getPod(tx, ctx.workspaceId, id);
    });
  }

  /** Deletes a pod. */
  async function deletePod(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const pod = await repo.findPod(tx, ctx.workspaceId, id, true);
      if (!pod) throw notFound("Pod");
      requireRoutingManager(ctx.actor);
      await repo.deletePod(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "pod.deleted", entity: "pod", entityId: id, changes: { name: pod.name, sdrId: pod.sdrId } }, ctx.requestId);
    });
  }

  return { listPods, createPod, updatePod, setMembers, deletePod };
}

export type PodsService = ReturnType<typeof createPodsService>;

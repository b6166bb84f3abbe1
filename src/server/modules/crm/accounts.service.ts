import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type { AccountDetail, CreateAccountBody, ListAccountsQuery, UpdateAccountBody } from "../../../shared/contracts/accounts.js";
import type { AccountsRepository } from "./accounts.repository.js";
import { requireRecordDeleter, requireRecordEditor } from "./crm.policy.js";
import type { CrmHooks } from "./index.js";

type Deps = { db: Database; repo: AccountsRepository; clock: Clock; hooks: Pick<CrmHooks, "accountChanged"> };

/** Accounts: companies, with their people, pipeline and owned products. */
export function createAccountsService({ db, repo, clock, hooks }: Deps) {
  /** Lists accounts. */
  function listAccounts(ctx: RequestContext, query: ListAccountsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, query));
  }

  /** One account with its headline numbers. */
  async function getAccount(ctx: RequestContext, id: string): Promise<AccountDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const account = await repo.findById(tx, ctx.workspaceId, id);
      if (!account) throw notFound("Account");
      return { ...account, ...(await repo.stats(tx, ctx.workspaceId, id)) };
    });
  }

  /** Creates an account. */
  async function createAccount(ctx: RequestContext, body: CreateAccountBody) {
    requireRecordEditor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.insert(tx, { ...body, workspaceId: ctx.workspaceId, id: newId(), createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account.created", entity: "account", entityId: row.id, changes: body }, ctx.requestId);
      return row;
    });
  }

  /** Changes an account's fields. */
  async function updateAccount(ctx: RequestContext, id: string, body: UpdateAccountBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Account");
      requireRecordEditor(ctx.actor);
      const row = await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      for (const hook of hooks.accountChanged) await hook(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account.updated", entity: "account", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return row!;
    });
  }

  /** Deletes an account that no contact or deal refers to. */
  async function deleteAccount(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Account");
      requireRecordDeleter(ctx.actor);
      if (await repo.isReferenced(tx, ctx.workspaceId, id)) throw new AppError("conflict", "The account still has contacts or deals; move or delete them first");
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account.deleted", entity: "account", entityId: id, changes: { name: before.name } }, ctx.requestId);
    });
  }

  return { listAccounts, getAccount, createAccount, updateAccount, deleteAccount };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

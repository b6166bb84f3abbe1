import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type { CreateProductBody, DealProductInput, ListProductsQuery, SetOwnedProductBody, UpdateProductBody } from "../../../shared/contracts/products.js";
import type { AccountsRepository } from "./accounts.repository.js";
import type { ProductsRepository } from "./products.repository.js";
import { requireOwnedProductEditor, requireProductManager } from "./crm.policy.js";

type Deps = { db: Database; repo: ProductsRepository; accounts: Pick<AccountsRepository, "findById">; clock: Clock };

/** The product catalogue, the products each account owns, and the product lines of deals. */
export function createProductsService({ db, repo, accounts, clock }: Deps) {
  /** Lists the catalogue. */
  function listProducts(ctx: RequestContext, query: ListProductsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => ({ items: await repo.list(tx, ctx.workspaceId, query) }));
  }

  /** Adds a product to the catalogue. */
  async function createProduct(ctx: RequestContext, body: CreateProductBody) {
    requireProductManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.insert(tx, { ...body, workspaceId: ctx.workspaceId, id: newId(), createdAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "product.created", entity: "product", entityId: row.id, changes: body }, ctx.requestId);
      return row;
    });
  }

  /** Changes a product (an inactive product leaves the whitespace matrix and the deal form). */
  async function updateProduct(ctx: RequestContext, id: string, body: UpdateProductBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Product");
      requireProductManager(ctx.actor);
      const row = await repo.update(tx, ctx.workspaceId, id, body);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "product.updated", entity: "product", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return row!;
    });
  }

  async function accountOr404(tx: Tx, workspaceId: string, accountId: string) {
    const account = await accounts.findById(tx, workspaceId, accountId);
    if (!account) throw notFound("Account");
    return account;
  }

  /** The products an account owns. */
  function listOwned(ctx: RequestContext, accountId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await accountOr404(tx, ctx.workspaceId, accountId);
      return { items: await repo.listOwned(tx, ctx.workspaceId, accountId) };
    });
  }

  /** Records that an account owns a product, since a date and at an annual value (or changes them). */
  async function setOwned(ctx: RequestContext, accountId: string, productId: string, body: SetOwnedProductBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await accountOr404(tx, ctx.workspaceId, accountId);
      if (!(await repo.findById(tx, ctx.workspaceId, productId))) throw notFound("Product");
      requireOwnedProductEditor(ctx.actor);
      const before = await repo.findOwned(tx, ctx.workspaceId, accountId, productId);
      await repo.upsertOwned(tx, { workspaceId: ctx.workspaceId, accountId, productId, since: body.since, annualValue: body.annualValue ?? null });
      const changes = before ? diffFields(before, { since: body.since, annualValue: body.annualValue ?? null }) : { productId, ...body };
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: before ? "account.product_updated" : "account.product_added", entity: "account", entityId: accountId, changes }, ctx.requestId);
      return { items: await repo.listOwned(tx, ctx.workspaceId, accountId) };
    });
  }

  /** Removes a product from what an account owns. */
  async function removeOwned(ctx: RequestContext, accountId: string, productId: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await accountOr404(tx, ctx.workspaceId, accountId);
      requireOwnedProductEditor(ctx.actor);
      if (!(await repo.removeOwned(tx, ctx.workspaceId, accountId, productId))) throw notFound("Owned product");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account.product_removed", entity: "account", entityId: accountId, changes: { productId } }, ctx.requestId);
    });
  }

  /** Resolves deal lines: every product must exist in the workspace; a line without an amount takes the list price. */
  async function resolveDealLines(tx: Tx, workspaceId: string, lines: DealProductInput[]) {
    const found = new Map((await repo.findMany(tx, workspaceId, lines.map((l) => l.productId))).map((p) => [p.id, p]));
    return lines.map((l, i) => {
      const p = found.get(l.productId);
      if (!p) throw new AppError("validation_failed", `body.products.${i}.productId: no such product in this workspace`, [{ path: `body.products.${i}.productId`, message: "no such product in this workspace" }]);
      return { productId: l.productId, amount: l.amount ?? p.listPrice ?? 0 };
    });
  }

  /** Replaces a deal's product lines (inside the deal's transaction). */
  async function setDealLinesIn(tx: Tx, workspaceId: string, dealId: string, lines: DealProductInput[]) {
    await repo.replaceDealLines(tx, workspaceId, dealId, await resolveDealLines(tx, workspaceId, lines));
  }

  return {
    listProducts,
    createProduct,
    updateProduct,
    listOwned,
    setOwned,
    removeOwned,
    setDealLinesIn,
    dealLinesIn: (tx: Tx, workspaceId: string, dealId: string) => repo.dealLines(tx, workspaceId, dealId),
    addWonLinesIn: (tx: Tx, workspaceId: string, accountId: string, dealId: string, at: Date) => repo.addWonLines(tx, workspaceId, accountId, dealId, at),
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;

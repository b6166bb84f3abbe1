import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Anyone in the workspace may create and edit accounts and contacts; only admins and managers delete them. */
export function requireRecordEditor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.editRecords, "edit records");
}

/** Deleting accounts, contacts and deals loses history: admins and managers only. */
export function requireRecordDeleter(actor: Actor): void {
  requireRole(actor, PERMISSIONS.deleteRecords, "delete records");
}

/** Deals belong to the sales side: marketing reads them but does not edit them. */
export function requireDealEditor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.editDeals, "edit deals");
}

/** The product catalogue (names, families, list prices) is kept by admins and managers. */
export function requireProductManager(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageProducts, "manage the product catalogue");
}

/** What a customer owns is recorded by the account team (sales) and managers. */
export function requireOwnedProductEditor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.editOwnedProducts, "change the products an account owns");
}

import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Marketing (and managers, admins) write, upload, publish and retire assets and work content requests. */
export function requireContentEditor(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.manageContent, action);
}

/** Sales (and managers) review Convert-stage assets before they are published. */
export function requireContentReviewer(actor: Actor): void {
  requireRole(actor, PERMISSIONS.reviewContent, "review content");
}

/** Reps share assets with prospects and attach them to deals. */
export function requireContentSharer(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.shareContent, action);
}

/** Sales asks marketing for missing content. */
export function requireContentRequester(actor: Actor): void {
  requireRole(actor, PERMISSIONS.requestContent, "request content");
}

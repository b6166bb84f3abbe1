import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { notFound } from "../../../shared/errors.js";
import type { WhitespaceQuery } from "../../../shared/contracts/growth.js";
import { whitespaceMatrix } from "../../reports/whitespace.report.js";
import type { AccountReviewsRepository } from "./account-reviews.repository.js";

/** The whitespace matrix over HTTP (the query is `reports/whitespace.report.ts`). */
export function createWhitespaceService({ db, repo }: { db: Database; repo: Pick<AccountReviewsRepository, "nonMembers"> }) {
  /** Accounts × products for the filters; an owner of another workspace is a 404. */
  function matrix(ctx: RequestContext, q: WhitespaceQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (q.ownerId && (await repo.nonMembers(tx, ctx.workspaceId, [q.ownerId])).length) throw notFound("Owner");
      return whitespaceMatrix(tx, ctx.workspaceId, q);
    });
  }
  return { matrix };
}

export type WhitespaceService = ReturnType<typeof createWhitespaceService>;

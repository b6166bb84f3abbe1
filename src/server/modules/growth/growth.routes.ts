import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AccountReviewListSchema,
  AccountReviewSchema,
  CreateAccountReviewBodySchema,
  ListAccountReviewsQuerySchema,
  UpdateAccountReviewBodySchema,
  WhitespaceMatrixSchema,
  WhitespaceQuerySchema,
} from "../../../shared/contracts/growth.js";
import {
  ExpansionRetentionQuerySchema,
  ExpansionRetentionRecordsQuerySchema,
  ExpansionRetentionRecordsSchema,
  ExpansionRetentionSchema,
} from "../../../shared/contracts/reports/expansion-retention.js";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { expansionRetention } from "../../reports/expansion-retention.report.js";
import { expansionRetentionRecords } from "../../reports/expansion-retention-records.report.js";
import type { ReportsModule } from "../reports/index.js";
import type { AccountReviewsService } from "./account-reviews.service.js";
import type { WhitespaceService } from "./whitespace.service.js";

type Opts = { reviews: AccountReviewsService; whitespace: WhitespaceService; run: ReportsModule["run"] };

/** Existing-customer growth: the whitespace matrix, account business reviews, expansion and retention revenue. */
export const growthRoutes: FastifyPluginAsyncZod<Opts> = async (app, { reviews, whitespace, run }) => {
  const tags = ["growth"];
  app.get(
    "/growth/whitespace",
    { schema: { tags, summary: "Whitespace matrix: accounts × active products, each owned, in pipeline or open, with totals per product", querystring: WhitespaceQuerySchema, response: { 200: WhitespaceMatrixSchema } } },
    (req) => whitespace.matrix(req.ctx, req.query),
  );
  app.get("/accounts/:id/reviews", { schema: { tags, summary: "An account's business reviews, newest first", params: IdParamsSchema, response: { 200: AccountReviewListSchema } } }, (req) =>
    reviews.listForAccount(req.ctx, req.params.id),
  );
  app.post(
    "/accounts/:id/reviews",
    { config: { idempotent: true }, schema: { tags, summary: "Schedule a business review with the account", params: IdParamsSchema, body: CreateAccountReviewBodySchema, response: { 201: AccountReviewSchema } } },
    async (req, reply) => reply.status(201).send(await reviews.scheduleReview(req.ctx, req.params.id, req.body)),
  );
  app.get(
    "/account-reviews",
    { schema: { tags, summary: "Business reviews by status from a day on (default: upcoming scheduled reviews)", querystring: ListAccountReviewsQuerySchema, response: { 200: AccountReviewListSchema } } },
    (req) => reviews.listReviews(req.ctx, req.query),
  );
  app.get("/account-reviews/:id", { schema: { tags, summary: "One business review", params: IdParamsSchema, response: { 200: AccountReviewSchema } } }, (req) => reviews.getReview(req.ctx, req.params.id));
  app.patch(
    "/account-reviews/:id",
    { schema: { tags, summary: "Reschedule, record as held (outcomes, next steps) or cancel a business review", params: IdParamsSchema, body: UpdateAccountReviewBodySchema, response: { 200: AccountReviewSchema } } },
    (req) => reviews.updateReview(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/reports/expansion-retention",
    { schema: { tags: ["reports"], summary: "New-logo, expansion and renewal revenue by month or quarter, with gross and net revenue retention", querystring: ExpansionRetentionQuerySchema, response: { 200: ExpansionRetentionSchema.extend({ period: ReportPeriodSchema }) } } },
    (req) => run(req.ctx, req.query, (tx, period) => expansionRetention(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/expansion-retention/records",
    { schema: { tags: ["reports"], summary: "The closed deals behind a new-logo, expansion, renewed, churned or up-for-renewal figure, over the range or one month or quarter", querystring: ExpansionRetentionRecordsQuerySchema, response: { 200: ExpansionRetentionRecordsSchema.extend({ period: ReportPeriodSchema }) } } },
    (req) => run(req.ctx, req.query, (tx, period) => expansionRetentionRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
};

import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateReviewActionBodySchema,
  CreateReviewBodySchema,
  ListReviewActionsQuerySchema,
  ReviewActionSchema,
  ReviewExportQuerySchema,
  ReviewSchema,
  ReviewSummarySchema,
  UpdateReviewActionBodySchema,
  UpdateReviewBodySchema,
} from "../../../shared/contracts/reviews.js";
import { JobSchema } from "../../../shared/contracts/jobs.js";
import type { ReviewsService } from "./reviews.service.js";

/** The quarterly joint review: generate, read, export, and the actions agreed in it. */
export const reviewsRoutes: FastifyPluginAsyncZod<{ reviews: ReviewsService }> = async (app, { reviews }) => {
  const tags = ["reviews"];
  app.get("/reviews", { schema: { tags, summary: "Quarterly joint reviews, newest first", response: { 200: z.object({ items: z.array(ReviewSummarySchema) }) } } }, async (req) => ({
    items: await reviews.listReviews(req.ctx),
  }));
  app.post(
    "/reviews",
    {
      schema: {
        tags,
        summary: "Generate the joint review of a quarter (managers and admins): a job whose result names the review",
        body: CreateReviewBodySchema,
        response: { 202: JobSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await reviews.requestReview(req.ctx, req.body)),
  );
  app.get("/reviews/:id", { schema: { tags, summary: "A review: its numbers, agreed actions and the open actions carried into it", params: IdParamsSchema, response: { 200: ReviewSchema } } }, (req) =>
    reviews.getReview(req.ctx, req.params.id),
  );
  app.patch(
    "/reviews/:id",
    { schema: { tags, summary: "Rename a review, record its notes, or make it final", params: IdParamsSchema, body: UpdateReviewBodySchema, response: { 200: ReviewSchema } } },
    (req) => reviews.updateReview(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/reviews/:id/regenerate",
    { schema: { tags, summary: "Refresh a draft review's numbers from today's data (a job)", params: IdParamsSchema, response: { 202: JobSchema } } },
    async (req, reply) => reply.status(202).send(await reviews.requestRegeneration(req.ctx, req.params.id)),
  );
  app.get(
    "/reviews/:id/export",
    { schema: { tags, summary: "Download a review as HTML or PDF", params: IdParamsSchema, querystring: ReviewExportQuerySchema } },
    async (req, reply) => {
      const file = await reviews.exportReview(req.ctx, req.params.id, req.query.format);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    },
  );
  app.post(
    "/reviews/:id/actions",
    { schema: { tags, summary: "Record an action agreed in a review", params: IdParamsSchema, body: CreateReviewActionBodySchema, response: { 201: ReviewActionSchema } } },
    async (req, reply) => reply.status(201).send(await reviews.addAction(req.ctx, req.params.id, req.body)),
  );
  app.get(
    "/review-actions",
    { schema: { tags, summary: "Actions agreed in reviews, by due date", querystring: ListReviewActionsQuerySchema, response: { 200: z.object({ items: z.array(ReviewActionSchema) }) } } },
    async (req) => ({ items: await reviews.listActions(req.ctx, req.query) }),
  );
  app.patch(
    "/review-actions/:id",
    { schema: { tags, summary: "Change an action (its owner may record status and outcome)", params: IdParamsSchema, body: UpdateReviewActionBodySchema, response: { 200: ReviewActionSchema } } },
    (req) => reviews.updateAction(req.ctx, req.params.id, req.body),
  );
};

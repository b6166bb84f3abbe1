import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { CreatePodBodySchema, PodListSchema, PodSchema, SetPodMembersBodySchema, UpdatePodBodySchema } from "../../../shared/contracts/routing.js";
import type { PodsService } from "./pods.service.js";

/** SDR pods and their account executives. */
export const podsRoutes: FastifyPluginAsyncZod<{ pods: PodsService }> = async (app, { pods }) => {
  const tags = ["routing"];
  app.get("/pods", { schema: { tags, summary: "List SDR pods with their AEs and SDR:AE ratio", response: { 200: PodListSchema } } }, async (req) => ({
    items: await pods.listPods(req.ctx),
  }));
  app.post("/pods", { schema: { tags, summary: "Create an SDR pod", body: CreatePodBodySchema, response: { 201: PodSchema } } }, async (req, reply) =>
    reply.status(201).send(await pods.createPod(req.ctx, req.body)),
  );
  app.patch("/pods/:id", { schema: { tags, summary: "Rename a pod or change its SDR", params: IdParamsSchema, body: UpdatePodBodySchema, response: { 200: PodSchema } } }, (req) =>
    pods.updatePod(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/pods/:id/members",
    { schema: { tags, summary: "Set the pod's account executives", params: IdParamsSchema, body: SetPodMembersBodySchema, response: { 200: PodSchema } } },
    (req) => pods.setMembers(req.ctx, req.params.id, req.body),
  );
  app.delete("/pods/:id", { schema: { tags, summary: "Delete a pod", params: IdParamsSchema } }, async (req, reply) => {
    await pods.deletePod(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};

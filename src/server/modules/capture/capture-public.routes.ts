import { createHash } from "node:crypto";
import { z } from "zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { invalidField } from "../../../shared/errors.js";
import { CAPTURE_LIMITS, CaptureAcceptedSchema, CaptureEventBodySchema, CaptureFormBodySchema } from "../../../shared/contracts/capture.js";
import type { CapturePublicService } from "./capture-public.service.js";
import { SNIPPET_JS } from "./snippet.js";
import { examplePage } from "./example-page.js";

type Opts = { capture: CapturePublicService; rateLimitPerMinute: number };

export const CAPTURE_KEY_HEADER = "x-tandem-key";
const KeyQuerySchema = z.object({ key: z.string().max(100).optional() });
const EVENTS = "/api/capture/v1/events";
const FORMS = "/api/capture/v1/forms";

/** The key of a public request: the X-Tandem-Key header, `?key=`, or the body's `key`. */
function keyOf(req: FastifyRequest): string | undefined {
  const header = req.headers[CAPTURE_KEY_HEADER];
  if (typeof header === "string" && header) return header;
  const query = (req.query as { key?: unknown } | undefined)?.key;
  if (typeof query === "string" && query) return query;
  const body = (req.body as { key?: unknown } | undefined)?.key;
  return typeof body === "string" && body ? body : undefined;
}

/** Tandem's own origin as the browser sees it (the example page posts from there). */
const selfOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const snippetEtag = `"${createHash("sha256").update(SNIPPET_JS).digest("base64url").slice(0, 16)}"`;

/**
 * The public side of web capture, outside /api/v1 (no session, no token): page-view and form endpoints found by
 * a publishable key, CORS for the workspace's allowed origins only, a rate limit per key and IP; the tracking
 * snippet and an example page that uses it.
 */
export const capturePublicRoutes: FastifyPluginAsyncZod<Opts> = async (app, { capture, rateLimitPerMinute }) => {
  const tags = ["capture (public)"];
  // navigator.sendBeacon and a fetch without a preflight send text/plain: the body is still JSON.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string) as unknown);
    } catch {
      done(invalidField("body", "not valid JSON"), undefined);
    }
  });
  // Counted before validation, so a flood of bad requests is limited too.
  const rateLimit = { max: rateLimitPerMinute, timeWindow: "1 minute", hook: "preValidation" as const, keyGenerator: (req: FastifyRequest) => `capture|${keyOf(req) ?? "-"}|${req.ip}` };

  /** Refuses an unknown key or a disallowed origin (no CORS headers then); allows the origin otherwise. */
  async function admit(req: FastifyRequest, reply: FastifyReply) {
    reply.header("vary", "Origin");
    const origin = req.headers.origin;
    const caller = await capture.authorise(keyOf(req), origin, selfOrigin(req));
    reply.header("access-control-allow-origin", origin);
    return caller;
  }

  for (const url of [EVENTS, FORMS]) {
    app.options(url, { config: { public: true, rateLimit }, schema: { hide: true, querystring: KeyQuerySchema } }, async (req, reply) => {
      await admit(req, reply);
      return reply
        .status(204)
        .header("access-control-allow-methods", "POST, OPTIONS")
        .header("access-control-allow-headers", `content-type, ${CAPTURE_KEY_HEADER}`)
        .header("access-control-max-age", "600")
        .send();
    });
  }

  app.post(
    EVENTS,
    {
      bodyLimit: CAPTURE_LIMITS.eventBodyBytes,
      config: { public: true, rateLimit },
      schema: { tags, summary: "Record a page view (publishable key; write-only)", querystring: KeyQuerySchema, body: CaptureEventBodySchema, response: { 202: CaptureAcceptedSchema } },
    },
    async (req, reply) => {
      const caller = await admit(req, reply);
      await capture.collect(caller, req.id, req.body);
      return reply.status(202).header("cache-control", "no-store").send({ accepted: true as const });
    },
  );

  app.post(
    FORMS,
    {
      bodyLimit: CAPTURE_LIMITS.formBodyBytes,
      config: { public: true, rateLimit },
      schema: { tags, summary: "Submit a form: creates or finds the contact by fields.email (publishable key; write-only)", querystring: KeyQuerySchema, body: CaptureFormBodySchema, response: { 202: CaptureAcceptedSchema } },
    },
    async (req, reply) => {
      const caller = await admit(req, reply);
      // A filled honeypot gets the same answer as a person, so a bot learns nothing.
      await capture.submitForm(caller, req.id, req.body);
      return reply.status(202).header("cache-control", "no-store").send({ accepted: true as const });
    },
  );

  app.get("/t.js", { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    reply.header("cache-control", "public, max-age=3600").header("etag", snippetEtag).header("x-content-type-options", "nosniff");
    if (req.headers["if-none-match"] === snippetEtag) return reply.status(304).send();
    return reply.type("application/javascript; charset=utf-8").send(SNIPPET_JS);
  });

  app.get("/capture/example", { config: { public: true }, schema: { hide: true, querystring: KeyQuerySchema } }, (req, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("content-security-policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
      .header("x-content-type-options", "nosniff")
      .send(examplePage(req.query.key ?? null)),
  );
};

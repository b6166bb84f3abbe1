import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, ERROR_STATUS, type ErrorDetail } from "../../../shared/errors.js";
import { mapDbError } from "../db-errors.js";

const CONTEXT_NAMES: Record<string, string> = { body: "body", querystring: "query", params: "params", headers: "headers" };

/** `/contacts/2/email` → `contacts.2.email`. */
function toPath(context: string, instancePath: string): string {
  const rest = instancePath.split("/").filter(Boolean).join(".");
  return rest ? `${context}.${rest}` : context;
}

/** Turns every failure into `{ error, message, details? }` (CONVENTIONS §6). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError, req, reply) => {
    const err = mapDbError(raw) as FastifyError | AppError;
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = CONTEXT_NAMES[err.validationContext ?? "body"] ?? "body";
      const details: ErrorDetail[] = err.validation.map((v) => ({ path: toPath(context, v.instancePath), message: v.message ?? "invalid" }));
      const message = details.map((d) => `${d.path}: ${d.message}`).join("; ");
      return reply.status(400).send({ error: "validation_failed", message, details });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, cause: err.cause }, "response did not match its schema");
      return reply.status(500).send({ error: "internal_error", message: "Internal error" });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: "rate_limited", message: err.message || "Too many requests" });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = status === 404 ? "not_found" : status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "validation_failed";
      const path = err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || err.code === "FST_ERR_CTP_INVALID_JSON_BODY" ? "body" : null;
      const message = path ? `body: ${err.message}` : err.message;
      return reply.status(status).send({ error: code, message, details: path ? [{ path, message: err.message }] : undefined });
    }
    req.log.error({ err }, "unhandled error");
    return reply.status(500).send({ error: "internal_error", message: `Internal error (request ${req.id})` });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(ERROR_STATUS.not_found).send({ error: "not_found", message: `No route ${req.method} ${req.url.split("?")[0]}` });
  });
}

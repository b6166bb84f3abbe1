import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";

/** Serves the built web app, falling back to index.html for client-side routes. */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, "index.html");
  if (!fs.existsSync(index)) throw new Error(`web app not built: ${index} is missing (run npm run build)`);
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    wildcard: false,
    // Hashed assets never change; index.html must always be revalidated.
    setHeaders: (res, file) => res.setHeader("cache-control", file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache"),
  });
  const html = fs.readFileSync(index);
  app.get("/*", { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) {
      return reply.status(404).send({ error: "not_found", message: `No route ${req.method} ${req.url.split("?")[0]}` });
    }
    return reply.type("text/html").header("cache-control", "no-cache").send(html);
  });
}

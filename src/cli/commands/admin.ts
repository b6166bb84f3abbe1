import type { Command } from "commander";
import { ROLES, type Role } from "../../shared/domain/roles.js";
import { randomToken } from "../../server/platform/crypto.js";
import { fail, withRuntime } from "./shared.js";

/** `workspace create` and `user add`. */
export function registerAdminCommands(program: Command): void {
  const workspace = program.command("workspace").description("manage workspaces");
  workspace
    .command("create")
    .description("create a workspace with its first admin")
    .requiredOption("--name <name>", "workspace name")
    .requiredOption("--slug <slug>", "url-safe id, e.g. acme")
    .requiredOption("--admin-email <email>", "the first admin's e-mail")
    .option("--admin-name <name>", "the first admin's name", "Admin")
    .option("--admin-password <password>", "the first admin's password (generated and printed if omitted)")
    .option("--timezone <tz>", "IANA time zone", "UTC")
    .option("--currency <code>", "ISO 4217 currency", "USD")
    .action(async (o: { name: string; slug: string; adminEmail: string; adminName: string; adminPassword?: string; timezone: string; currency: string }) => {
      const password = o.adminPassword ?? randomToken(12);
      if (password.length < 10) fail("--admin-password must have at least 10 characters");
      await withRuntime(async (rt) => {
        const { workspaceId } = await rt.modules.identity.workspaces.createWorkspace({
          name: o.name,
          slug: o.slug,
          timezone: o.timezone,
          currency: o.currency,
          admin: { email: o.adminEmail, name: o.adminName, password },
        });
        process.stdout.write(`workspace ${o.slug} created (${workspaceId})\nadmin: ${o.adminEmail}${o.adminPassword ? "" : `  password: ${password}`}\n`);
      }).catch(fail);
    });

  const user = program.command("user").description("manage users");
  user
    .command("add")
    .description("add a member to a workspace")
    .requiredOption("--workspace <slug>", "workspace slug")
    .requiredOption("--email <email>", "e-mail")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--password <password>", "password (generated and printed if omitted)")
    .action(async (o: { workspace: string; email: string; name: string; role: string; password?: string }) => {
      if (!(ROLES as readonly string[]).includes(o.role)) fail(`--role must be one of ${ROLES.join(", ")}`);
      const password = o.password ?? randomToken(12);
      if (password.length < 10) fail("--password must have at least 10 characters");
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        const userId = await rt.modules.identity.workspaces.addMember(workspaceId, { email: o.email, name: o.name, role: o.role as Role, password });
        process.stdout.write(`user ${o.email} added as ${o.role} (${userId})${o.password ? "" : `  password: ${password}`}\n`);
      }).catch(fail);
    });
}

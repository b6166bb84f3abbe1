import fs from "node:fs";
import type { Command } from "commander";
import type { Modules } from "../../server/modules/index.js";
import { EmailSchema } from "../../shared/contracts/common.js";
import { ListContactsQuerySchema } from "../../shared/contracts/contacts.js";
import type { RequestContext } from "../../server/platform/actor.js";
import type { ContactExportDocument, EraseContactResult } from "../../shared/contracts/privacy.js";
import { adminContext } from "./cli-context.js";
import { fail, withRuntime } from "./shared.js";

type Who = { workspace: string; email?: string; contact?: string };
type Deps = Pick<Modules, "identity" | "crm" | "gdpr">;

/** The contact a privacy command is about: by id, or by e-mail (any letter case). */
async function findContact(modules: Deps, ctx: RequestContext, who: Who): Promise<string> {
  if (who.contact) return who.contact;
  const email = EmailSchema.safeParse(who.email ?? "");
  if (!email.success) throw new Error("give --contact ID or --email ADDRESS");
  const page = await modules.crm.contacts.listContacts(ctx, ListContactsQuerySchema.parse({ q: email.data, limit: 500 }));
  const match = page.items.find((c) => c.email?.toLowerCase() === email.data);
  if (!match) throw new Error(`no contact with e-mail ${email.data} in ${who.workspace}`);
  return match.id;
}

/** GDPR access request from the CLI: the same document and `contact.exported` audit entry as the HTTP export. */
export async function privacyExport(modules: Deps, who: Who): Promise<ContactExportDocument> {
  const ctx = await adminContext(modules, who.workspace);
  return modules.gdpr.privacy.exportContact(ctx, await findContact(modules, ctx, who));
}

/** GDPR erasure from the CLI: the same service, suppression and `contact.erased` audit entry as the HTTP erase. */
export async function privacyErase(modules: Deps, who: Who): Promise<EraseContactResult> {
  const ctx = await adminContext(modules, who.workspace);
  return modules.gdpr.privacy.eraseContact(ctx, await findContact(modules, ctx, who));
}

/** `privacy export` and `privacy erase`: GDPR requests for one contact, as the workspace's admin. */
export function registerPrivacyCommands(program: Command): void {
  const privacy = program.command("privacy").description("GDPR: export everything about a contact, or erase it everywhere");
  const who = (c: Command) =>
    c
      .option("--workspace <slug>", "workspace slug", "demo")
      .option("--email <address>", "the contact's e-mail")
      .option("--contact <id>", "the contact's id");
  who(privacy.command("export"))
    .description("everything about a contact as one JSON document (audited as contact.exported)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (o: Who & { out?: string }) => {
      await withRuntime(async (rt) => {
        const doc = JSON.stringify(await privacyExport(rt.modules, o), null, 2);
        if (o.out) fs.writeFileSync(o.out, `${doc}\n`);
        else process.stdout.write(`${doc}\n`);
      }, { quiet: true }).catch(fail);
    });
  who(privacy.command("erase"))
    .description("erase a contact everywhere and suppress its e-mail (audited as contact.erased); needs --yes")
    .option("--yes", "confirm the erasure (it cannot be undone)")
    .action(async (o: Who & { yes?: boolean }) => {
      if (!o.yes) fail("erasure cannot be undone: add --yes to confirm");
      await withRuntime(async (rt) => {
        const r = await privacyErase(rt.modules, o);
        process.stdout.write(`erased contact ${r.contactId}: ${r.touchpointsDeleted} touchpoints deleted${r.suppressed ? ", e-mail suppressed" : ""}\n`);
      }, { quiet: true }).catch(fail);
    });
}

import type { Command } from "commander";
import { createSmtpMailer } from "../../server/platform/mail/mailer.js";
import { escapeHtml } from "../../server/platform/mail/html.js";
import { EmailSchema } from "../../shared/contracts/common.js";
import { configOrExit, fail } from "./shared.js";

/** Connects to the SMTP server, authenticates and sends one test message to `to`. */
export async function sendTestEmail(mail: { url: string; from: string }, to: string, publicUrl: string): Promise<void> {
  const mailer = createSmtpMailer(mail);
  try {
    await mailer.verify();
    const line = `This is a test e-mail from Tandem at ${publicUrl}: notification e-mails will be delivered.`;
    await mailer.send({ to, subject: "Tandem test e-mail", text: `${line}\n`, html: `<p>${escapeHtml(line)}</p>` });
  } finally {
    mailer.close();
  }
}

/** `notify test-email --to ADDRESS`: checks SMTP_URL and SMTP_FROM by sending one message. */
export function registerNotifyCommand(program: Command): void {
  const notify = program.command("notify").description("notification e-mail tools");
  notify
    .command("test-email")
    .description("send a test e-mail with the SMTP_URL / SMTP_FROM settings")
    .requiredOption("--to <address>", "where to send it")
    .action(async (o: { to: string }) => {
      const to = EmailSchema.safeParse(o.to);
      if (!to.success) fail(`--to: not an e-mail address: ${o.to}`);
      const config = configOrExit();
      if (!config.mail.enabled) fail("e-mail is off: set SMTP_URL (smtp://user:pass@host:587) and SMTP_FROM");
      await sendTestEmail(config.mail, to.data, config.http.publicUrl).catch(fail);
      process.stdout.write(`sent a test e-mail to ${to.data} through ${new URL(config.mail.url).host}\n`);
    });
}

import nodemailer from "nodemailer";

/** One e-mail: plain text and HTML of the same content. */
export type OutgoingMail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

/** Sends e-mail through the configured SMTP server. */
export type Mailer = {
  /** The From address every message carries. */
  from: string;
  /** Sends one message; rejects with the SMTP server's answer when it is refused. */
  send(mail: OutgoingMail): Promise<void>;
  /** Connects and authenticates without sending: checks the settings. */
  verify(): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
};

// A hung SMTP server must not hold a sender (and its database transaction) for long.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** A mailer over a pooled SMTP transport, from `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`. */
export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 3, ...TIMEOUTS });
  return {
    from,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

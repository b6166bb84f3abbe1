// Test support: a real SMTP server on 127.0.0.1 that keeps what it receives (never imported by the app).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One received message, decoded enough to assert on. */
export type ReceivedMail = { from: string; to: string[]; subject: string; headers: Record<string, string>; text: string; html: string };

export type TestSmtpServer = {
  url: string;
  received: ReceivedMail[];
  /** How many RCPT TO commands were refused. */
  refused: number;
  /** Refuse recipients (550) while true. */
  rejecting: boolean;
  /** Milliseconds to hold each message before accepting it (widens race windows). */
  delayMs: number;
  close(): Promise<void>;
};

const USER = "tandem";
const PASS = "smtp-test-password";

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const escaped = body.replace(/=\r?\n/g, "").replace(/%/g, "%25");
    return decodeURIComponent(escaped.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`));
  }
  return body;
}

function decodeWords(value: string): string {
  return value.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeBody(data.replace(/_/g, " "), "quoted-printable"),
  );
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf("\r\n\r\n");
  const head = at < 0 ? raw : raw.slice(0, at);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return { headers, body: at < 0 ? "" : raw.slice(at + 4) };
}

/** Parses the text and HTML parts of a (multipart/alternative) message. */
export function parseMail(raw: string): Omit<ReceivedMail, "from" | "to"> {
  const top = splitPart(raw);
  const out = { subject: top.headers.subject ?? "", headers: top.headers, text: "", html: "" };
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers["content-type"] ?? "")?.[1];
  const parts = boundary ? top.body.split(`--${boundary}`).slice(1, -1).map((p) => splitPart(p.replace(/^\r\n/, ""))) : [top];
  for (const p of parts) {
    const decoded = decodeBody(p.body, p.headers["content-transfer-encoding"]);
    if ((p.headers["content-type"] ?? "").startsWith("text/html")) out.html = decoded;
    else out.text = decoded;
  }
  return out;
}

/** Starts an SMTP server on a free port of 127.0.0.1 that requires the credentials in its `url`. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const state = { received: [] as ReceivedMail[], refused: 0, rejecting: false, delayMs: 0 };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASS) cb(null, { user: USER });
      else cb(new Error("invalid credentials"));
    },
    onRcptTo(_address, _session, cb) {
      if (!state.rejecting) return cb();
      state.refused++;
      cb(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const mail = parseMail(Buffer.concat(chunks).toString("utf8"));
        setTimeout(() => {
          state.received.push({ ...mail, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) });
          cb();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

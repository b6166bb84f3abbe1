import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AppError } from "../../shared/errors.js";

/** Where Chromium is looked for when TANDEM_CHROMIUM is not set (Debian's package). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const TIMEOUT_MS = 60_000;

/**
 * Prints a self-contained HTML document to PDF with headless Chromium (A4, backgrounds on, no header/footer).
 * The page is opened from a private temporary file with networking off, so nothing it references is fetched.
 */
export async function printHtmlToPdf(html: string, chromium: string): Promise<Buffer> {
  try {
    await fs.access(chromium, fs.constants.X_OK);
  } catch {
    throw new AppError("unavailable", `PDF export needs Chromium; none at ${chromium} (install it or set TANDEM_CHROMIUM)`);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tandem-pdf-"));
  try {
    const page = path.join(dir, "page.html");
    const out = path.join(dir, "out.pdf");
    await fs.writeFile(page, html, "utf8");
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-pdf-header-footer",
      "--proxy-server=127.0.0.1:9",
      "--proxy-bypass-list=<-loopback>",
      `--user-data-dir=${path.join(dir, "profile")}`,
      `--print-to-pdf=${out}`,
      `file://${page}`,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: TIMEOUT_MS }, (err) => (err ? reject(err) : resolve()));
    });
    const pdf = await fs.readFile(out);
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("Chromium did not write a PDF");
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

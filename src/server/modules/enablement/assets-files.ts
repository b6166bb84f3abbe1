import { createReadStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyReply } from "fastify";
import { AppError } from "../../../shared/errors.js";

type FileType = { ext: string; mime: string; inline: boolean; magic: (b: Buffer) => boolean };

const startsWith = (sig: number[], at = 0) => (b: Buffer) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string, at = 0) => startsWith([...Buffer.from(s, "latin1")], at);
const isZip = startsWith([0x50, 0x4b, 0x03, 0x04]);
// Text types carry no signature: valid UTF-8 without NUL bytes is as close as it gets.
const isText = (b: Buffer) => !b.includes(0) && Buffer.from(b.toString("utf8"), "utf8").equals(b);
const looksLike = (re: RegExp) => (b: Buffer) => isText(b) && re.test(b.subarray(0, 1024).toString("utf8").trimStart());

/**
 * The allow-list: extension and magic bytes must agree. `inline` types are shown in the browser; everything that
 * could run script (HTML, SVG, XML) or that a browser would hand to another program is served as an attachment.
 */
const TYPES: FileType[] = [
  { ext: "pdf", mime: "application/pdf", inline: true, magic: ascii("%PDF-") },
  { ext: "png", mime: "image/png", inline: true, magic: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: "jpg", mime: "image/jpeg", inline: true, magic: startsWith([0xff, 0xd8, 0xff]) },
  { ext: "jpeg", mime: "image/jpeg", inline: true, magic: startsWith([0xff, 0xd8, 0xff]) },
  { ext: "gif", mime: "image/gif", inline: true, magic: ascii("GIF8") },
  { ext: "webp", mime: "image/webp", inline: true, magic: (b) => ascii("RIFF")(b) && ascii("WEBP", 8)(b) },
  { ext: "mp4", mime: "video/mp4", inline: true, magic: ascii("ftyp", 4) },
  { ext: "txt", mime: "text/plain; charset=utf-8", inline: true, magic: isText },
  { ext: "csv", mime: "text/csv; charset=utf-8", inline: false, magic: isText },
  { ext: "md", mime: "text/markdown; charset=utf-8", inline: false, magic: isText },
  { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", inline: false, magic: isZip },
  { ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", inline: false, magic: isZip },
  { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", inline: false, magic: isZip },
  { ext: "svg", mime: "image/svg+xml", inline: false, magic: looksLike(/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i) },
  { ext: "html", mime: "text/html; charset=utf-8", inline: false, magic: looksLike(/^(<!doctype html|<html|<!--)/i) },
  { ext: "xml", mime: "application/xml", inline: false, magic: looksLike(/^<\?xml/) },
];

export const ALLOWED_EXTENSIONS = TYPES.map((t) => t.ext);

/** The allowed type of an upload, from its name's extension confirmed by its first bytes; 415 otherwise. */
export function checkFileType(fileName: string, head: Buffer): { ext: string; mime: string } {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const type = TYPES.find((t) => t.ext === ext);
  if (!type) throw new AppError("unsupported_media_type", `Files of type .${ext || "(none)"} are not accepted; allowed: ${ALLOWED_EXTENSIONS.join(", ")}`);
  if (!type.magic(head)) throw new AppError("unsupported_media_type", `The file's contents are not a .${ext} file`);
  return { ext: type.ext, mime: type.mime };
}

/** Whether a stored type may be shown inline (never HTML, SVG or XML). */
export function isInlineMime(mime: string): boolean {
  return TYPES.some((t) => t.mime === mime && t.inline);
}

/** Stores uploaded files under `<data dir>/files/<workspace>/<asset>`; names never come from the user. */
export function createFileStore(root: string) {
  const keyOf = (workspaceId: string, assetId: string) => path.join(workspaceId, assetId);
  return {
    /** Writes a file atomically (temporary name, then rename) and returns its key. */
    async put(workspaceId: string, assetId: string, data: Buffer): Promise<string> {
      const key = keyOf(workspaceId, assetId);
      const target = path.join(root, key);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(`${target}.part`, data);
      await rename(`${target}.part`, target);
      return key;
    },
    /** Removes a stored file if it exists. */
    async remove(key: string): Promise<void> {
      await rm(path.join(root, key), { force: true });
    },
    /** Sends a stored file with headers that keep it from running as a page of ours. */
    send(reply: FastifyReply, file: { key: string; mime: string; name: string; size: number }, forceDownload: boolean) {
      const inline = !forceDownload && isInlineMime(file.mime);
      const safeName = file.name.replace(/[^\w.\- ]+/g, "_").slice(0, 150) || "file";
      return reply
        .header("content-type", file.mime)
        .header("content-length", file.size)
        .header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'${file.mime === "application/pdf" ? "" : "; sandbox"}`)
        .header("cross-origin-resource-policy", "same-origin")
        .header("cache-control", "private, no-store")
        .header("referrer-policy", "no-referrer")
        .send(createReadStream(path.join(root, file.key)));
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

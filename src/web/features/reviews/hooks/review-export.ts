import { ApiError } from "../../../lib/api-error";

export type ExportFormat = "html" | "pdf";

/** The export endpoint of a review (an attachment: `tandem-review-<quarter>.<format>`). */
export function reviewExportUrl(id: string, format: ExportFormat): string {
  return `/api/v1/reviews/${id}/export?format=${format}`;
}

/**
 * Downloads a review's export: fetched first (a PDF print takes a few seconds, so the button can show that it is
 * being prepared and report a failure), then saved through a temporary link under the server's file name.
 */
export async function downloadReviewExport(id: string, format: ExportFormat, quarter: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(reviewExportUrl(id, format), { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network_error", "Cannot reach the Tandem server. Check your connection and try again.");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(res.status, (body.error ?? "internal_error") as ApiError["code"], body.message ?? `HTTP ${res.status}`);
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `tandem-review-${quarter}.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

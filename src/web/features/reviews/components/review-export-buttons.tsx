import { useState } from "react";
import { Button } from "@mantine/core";
import { IconFileTypeHtml, IconFileTypePdf } from "@tabler/icons-react";
import { notifyError } from "../../../lib/notify";
import { downloadReviewExport, type ExportFormat } from "../hooks/review-export";

/** Download HTML and Download PDF; the PDF is printed by a headless browser on the server, which takes a few seconds. */
export function ReviewExportButtons({ id, quarter }: { id: string; quarter: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await downloadReviewExport(id, format, quarter);
    } catch (err) {
      notifyError(err, `Could not download the ${format.toUpperCase()}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconFileTypeHtml size={16} />} loading={busy === "html"} disabled={busy !== null && busy !== "html"} onClick={() => void download("html")}>
        Download HTML
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        disabled={busy !== null}
        onClick={() => void download("pdf")}
        data-testid="download-pdf"
        aria-busy={busy === "pdf"}
      >
        {busy === "pdf" ? "Preparing PDF…" : "Download PDF"}
      </Button>
    </>
  );
}

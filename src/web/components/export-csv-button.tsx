import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { toQueryString, type Query } from "../lib/api-client";

/**
 * Downloads every row of a list as CSV with the filters and sort currently applied (the page's own query, without
 * its paging): the server streams the file, so it holds all matching rows, not just the ones on screen.
 */
export function ExportCsvButton({ path, query, label = "Export CSV" }: { path: string; query: Query; label?: string }) {
  const filters = Object.fromEntries(Object.entries(query).filter(([k]) => k !== "limit" && k !== "cursor"));
  return (
    <Button component="a" href={`/api/v1${path}${toQueryString(filters)}`} download variant="default" leftSection={<IconDownload size={16} />} data-testid="export-csv">
      {label}
    </Button>
  );
}

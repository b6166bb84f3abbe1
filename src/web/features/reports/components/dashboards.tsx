import { Stack } from "@mantine/core";
import type { ReportFilters } from "../hooks/report-filters";
import type { Dashboard } from "../report-catalog";
import { KpiCards, KpisByRep, RevenueByMonthChart, useKpis } from "./kpis-report";
import { ReportQueryState } from "./report-query-state";

function KpiBlock({ filters, byRep = false }: { filters: ReportFilters; byRep?: boolean }) {
  const kpis = useKpis(filters);
  return (
    <ReportQueryState query={kpis} height={300}>
      {(data) => (
        <Stack gap="md">
          <KpiCards data={data} previous={kpis.previous} comparing={filters.compare} />
          <RevenueByMonthChart data={data} />
          {byRep && <KpisByRep data={data} chartOnly />}
        </Stack>
      )}
    </ReportQueryState>
  );
}

/** One role's dashboard: the reports that role acts on, each linking to its full page. */
export function DashboardView({ dashboard, filters }: { dashboard: Dashboard; filters: ReportFilters }) {
  return (
    <Stack gap="xl" data-testid={`dashboard-${dashboard}`}>
      {(dashboard === "sales" || dashboard === "manager") && <KpiBlock filters={filters} byRep={dashboard === "sales"} />}
    </Stack>
  );
}

import { Stack } from "@mantine/core";
import type { ReportFilters } from "../hooks/report-filters";
import type { Dashboard } from "../report-catalog";
import { FunnelCards, FunnelConversionChart, useFunnel } from "./funnel-report";
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

function FunnelBlock({ filters }: { filters: ReportFilters }) {
  const funnel = useFunnel(filters);
  return (
    <ReportQueryState query={funnel} height={300}>
      {(data) => (
        <Stack gap="md">
          <FunnelCards data={data} previous={funnel.previous} comparing={filters.compare} />
          <FunnelConversionChart data={data} previous={funnel.previous} />
        </Stack>
      )}
    </ReportQueryState>
  );
}

/** One role's dashboard: the reports that role acts on, each linking to its full page. */
export function DashboardView({ dashboard, filters }: { dashboard: Dashboard; filters: ReportFilters }) {
  return (
    <Stack gap="xl" data-testid={`dashboard-${dashboard}`}>
      {(dashboard === "marketing" || dashboard === "manager") && <FunnelBlock filters={filters} />}
      {(dashboard === "sales" || dashboard === "manager") && <KpiBlock filters={filters} byRep={dashboard === "sales"} />}
    </Stack>
  );
}

import { Anchor, Button, Group, Paper, SimpleGrid, Tabs, Text } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { Link } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { useSession } from "../../../lib/session";
import { DashboardView } from "../components/dashboards";
import { ReportFilterBar } from "../components/report-filter-bar";
import { useReportFilters } from "../hooks/report-filters";
import { DASHBOARDS, DASHBOARD_LABELS, REPORTS, dashboardFor, type Dashboard } from "../report-catalog";

function searchWithout(params: URLSearchParams, key: string): string {
  const next = new URLSearchParams(params);
  next.delete(key);
  return next.size ? `?${next.toString()}` : "";
}

/** Links to every report's own page, keeping the period and filters. */
function ReportIndex({ search }: { search: string }) {
  return (
    <Paper withBorder radius="md" p="md" mt="xl" data-testid="report-index">
      <Text fz="sm" fw={650} tt="uppercase" c="dimmed" mb="sm">
        All reports
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {REPORTS.map((r) => (
          <Group key={r.name} gap="xs" wrap="nowrap" align="flex-start">
            <IconChartBar size={16} style={{ marginTop: 3, flexShrink: 0 }} color="var(--mantine-color-indigo-6)" />
            <div>
              <Anchor component={Link} to={`/reports/${r.name}${search}`} fz="sm" fw={600}>
                {r.title}
              </Anchor>
              <Text fz="xs" c="dimmed" lineClamp={2}>
                {r.description}
              </Text>
            </div>
          </Group>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** Reports at /reports: a dashboard per role (opening on the signed-in user's), period and filters in the URL, and the report index. */
export function ReportsPage() {
  const me = useSession();
  const { filters, url } = useReportFilters();
  const raw = url.get("dashboard");
  const dashboard: Dashboard = raw && (DASHBOARDS as readonly string[]).includes(raw) ? (raw as Dashboard) : dashboardFor(me.role);
  return (
    <>
      <PageHeader
        title="Reports"
        description="The closed-loop numbers both teams work from. Click any number for the records behind it; every table exports to CSV."
        actions={
          <>
            <Button variant="default" component={Link} to="/reports/reviews">
              Joint reviews
            </Button>
            <Button variant="default" component={Link} to="/reports/digests">
              Weekly digests
            </Button>
          </>
        }
      />
      <Tabs value={dashboard} onChange={(v) => v && url.set("dashboard", v === dashboardFor(me.role) ? null : v)} mb="md" keepMounted={false}>
        <Tabs.List>
          {DASHBOARDS.map((d) => (
            <Tabs.Tab key={d} value={d}>
              {DASHBOARD_LABELS[d]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ReportFilterBar />
      {filters.range && <DashboardView dashboard={dashboard} filters={filters} />}
      <ReportIndex search={searchWithout(url.params, "dashboard")} />
    </>
  );
}

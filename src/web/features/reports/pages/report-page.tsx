import { useParams } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { NotFoundPage } from "../../placeholders/pages/not-found-page";
import { ReportFilterBar } from "../components/report-filter-bar";
import { useReportFilters } from "../hooks/report-filters";
import { findReport } from "../report-catalog";

/** One report at /reports/<name>: its filters, full tables and charts, and the drill-down behind every number. */
export function ReportPage() {
  const { name } = useParams();
  const report = findReport(name);
  const { filters, url } = useReportFilters();
  if (!report) return <NotFoundPage />;
  const back = new URLSearchParams(url.params);
  return (
    <>
      <PageHeader title={report.title} description={report.description} crumbs={[{ label: "Reports", to: `/reports${back.size ? `?${back.toString()}` : ""}` }, { label: report.title }]} />
      <ReportFilterBar />
      {filters.range && <report.Component filters={filters} />}
    </>
  );
}

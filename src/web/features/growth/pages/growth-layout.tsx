import { Button } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { Link, Outlet } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { RouteTabs } from "../../../components/route-tabs";

const TABS = [
  { value: "/growth", label: "Whitespace" },
  { value: "/growth/reviews", label: "Business reviews" },
  { value: "/growth/products", label: "Products" },
];

/** Growth at /growth: the whitespace matrix, upcoming business reviews and the product catalogue. */
export function GrowthLayout() {
  return (
    <>
      <PageHeader
        title="Growth"
        description="Revenue from existing customers: what each owns, what is in pipeline, the whitespace left, and the business reviews that grow it."
        actions={
          <Button component={Link} to="/reports/expansion-retention" variant="default" leftSection={<IconChartBar size={16} />} data-testid="growth-revenue-link">
            Expansion & retention revenue
          </Button>
        }
      />
      <RouteTabs tabs={TABS} fallback="/growth" testIdPrefix="growth-tab" />
      <Outlet />
    </>
  );
}

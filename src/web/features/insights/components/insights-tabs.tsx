import { RouteTabs } from "../../../components/route-tabs";

/** The two views of /insights: the feed and the ride-alongs. */
export function InsightsTabs() {
  return (
    <RouteTabs
      tabs={[
        { value: "/insights", label: "Insights" },
        { value: "/insights/ride-alongs", label: "Ride-alongs" },
      ]}
      fallback="/insights"
      testIdPrefix="insights-tab"
    />
  );
}

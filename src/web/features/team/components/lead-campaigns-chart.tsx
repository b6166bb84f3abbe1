import { useState } from "react";
import { SegmentedControl, SimpleGrid, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import type { LeadCampaign } from "../../../../shared/contracts/team.js";
import { formatPercent } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import { SectionCard } from "../../../components/section-card";

// As the server ranks them: campaigns with fewer than 5 decided leads after the others.
const settled = (c: LeadCampaign) => (c.accepted + c.rejected >= 5 ? 1 : 0);
const byRate = (a: LeadCampaign, b: LeadCampaign) => settled(b) - settled(a) || (b.acceptedRate ?? -1) - (a.acceptedRate ?? -1);
const byRevenue = (a: LeadCampaign, b: LeadCampaign) => b.wonRevenue - a.wonRevenue;

/** Where an SDR's best leads came from: campaigns ranked by accepted rate or by the revenue their leads won, one chart each. */
export function LeadCampaignsChart({ campaigns }: { campaigns: LeadCampaign[] }) {
  const money = useMoney();
  const [rank, setRank] = useState<"rate" | "revenue">("rate");
  const top = [...campaigns].sort((a, b) => (rank === "rate" ? byRate(a, b) || byRevenue(a, b) : byRevenue(a, b) || byRate(a, b))).slice(0, 10);
  const data = top.map((c) => ({ name: c.name, rate: c.acceptedRate === null ? 0 : Math.round(c.acceptedRate * 1000) / 10, revenue: c.wonRevenue }));
  const h = Math.max(160, top.length * 40 + 40);
  return (
    <SectionCard
      title="Campaigns your best leads came from"
      testId="lead-campaigns"
      actions={<SegmentedControl size="xs" value={rank} onChange={(v) => setRank(v as "rate" | "revenue")} data={[{ value: "rate", label: "By accepted rate" }, { value: "revenue", label: "By won revenue" }]} />}
    >
      {top.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No leads passed in these months.
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <div>
              <Text fz="xs" fw={600} c="dimmed" mb={4}>
                Accepted by sales (% of decided leads)
              </Text>
              <BarChart h={h} data={data} dataKey="name" orientation="vertical" yAxisProps={{ width: 150 }} xAxisProps={{ domain: [0, 100] }} valueFormatter={(v) => `${v}%`} series={[{ name: "rate", label: "Accepted rate", color: "indigo.5" }]} />
            </div>
            <div>
              <Text fz="xs" fw={600} c="dimmed" mb={4}>
                Revenue their leads won
              </Text>
              <BarChart h={h} data={data} dataKey="name" orientation="vertical" yAxisProps={{ width: 150 }} valueFormatter={(v) => money(v, { compact: true })} series={[{ name: "revenue", label: "Won revenue", color: "teal.6" }]} />
            </div>
          </SimpleGrid>
          <Text fz="xs" c="dimmed" mt={6}>
            {rank === "rate" && "Campaigns with fewer than 5 decided leads rank last. "}
            {top
              .slice(0, 3)
              .map((c) => `${c.name}: ${c.accepted} of ${c.accepted + c.rejected} decided accepted (${formatPercent(c.acceptedRate)}), ${c.won} won (${money(c.wonRevenue)})`)
              .join(" · ")}
          </Text>
        </>
      )}
    </SectionCard>
  );
}

import { Grid, Stack } from "@mantine/core";
import { ROLE_LABELS } from "../../../../shared/domain/roles.js";
import { PageHeader } from "../../../components/page-header";
import { useSession } from "../../../lib/session";
import { ActiveCampaignsCard } from "../components/active-campaigns-card";
import { HomeNumbers } from "../components/home-numbers";
import { MqlQueueCard } from "../components/mql-queue-card";
import { MyDealsCard } from "../components/my-deals-card";
import { RecentActivityCard } from "../components/recent-activity-card";

function greeting(now: Date): string {
  const h = now.getHours();
  return h < 12 ? "Good morning" : h < 18 ? "Good afternoon" : "Good evening";
}

/** Home at /: the shared funnel's headline numbers and each role's next work (MQL queue, deals, campaigns). */
export function HomePage() {
  const me = useSession();
  const firstName = me.user.name.split(" ")[0] ?? me.user.name;
  const marketingFirst = me.role === "marketing";
  return (
    <>
      <PageHeader title={`${greeting(new Date())}, ${firstName}`} description={`${me.workspace.name} · signed in as ${ROLE_LABELS[me.role]}`} />
      <HomeNumbers />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {marketingFirst ? <ActiveCampaignsCard /> : <MqlQueueCard />}
            {marketingFirst ? <MqlQueueCard /> : <MyDealsCard />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {!marketingFirst && <ActiveCampaignsCard />}
            <RecentActivityCard category={marketingFirst ? "marketing" : me.role === "sales" || me.role === "sdr" ? "sales" : undefined} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

import type { ReactNode } from "react";
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconBulb, IconClipboardCheck, IconFiles, IconLayoutGrid, IconMailQuestion, IconMessageCircleStar, IconMessages, IconSwords } from "@tabler/icons-react";
import { Link } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { useCompetitors } from "../../competitors/hooks/use-competitors";
import { useAssetSearch } from "../../content/hooks/use-content";
import { useContentRequests } from "../../content/hooks/use-content-requests";
import { useMessages } from "../../messaging/hooks/use-messages";
import { useSwotList } from "../../swots/hooks/use-swots";
import { useReferenceRequestsForMe, useReferenceSearch } from "../../references/hooks/use-references";

function Section({ to, icon, title, what, figure, testId }: { to: string; icon: ReactNode; title: string; what: string; figure: string | null; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" component={Link} to={to} data-testid={testId} style={{ textDecoration: "none", color: "inherit" }}>
      <Group align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" size="lg">{icon}</ThemeIcon>
        <Stack gap={2}>
          <Anchor component="span" fw={650}>{title}</Anchor>
          <Text fz="sm" c="dimmed">{what}</Text>
          {figure && <Text fz="sm" fw={600} mt={4}>{figure}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The enablement hub at /enablement: what sales needs to stay on message, with a live figure for each part. */
export function EnablementPage() {
  const assets = useAssetSearch({});
  const refs = useReferenceSearch({});
  const awaiting = useReferenceRequestsForMe();
  const competitors = useCompetitors();
  const requests = useContentRequests();
  const messages = useMessages({ limit: "1" });
  const swots = useSwotList({ limit: "1" });
  const openRequests = requests.data?.filter((r) => r.status !== "delivered" && r.status !== "declined").length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <PageHeader title="Enablement" description="Everything sales needs to stay on message — content, messaging, customer references, battlecards, campaign briefs and SWOTs — and what sales asks marketing for." />
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
        <Section testId="enablement-content" to="/content" icon={<IconFiles size={20} />} title="Content library" what="Find material by buying stage, persona, competitor and product; share tracked links." figure={assets.data ? plural(assets.data.total, "published asset", "published assets") : null} />
        <Section
          testId="enablement-references"
          to="/references"
          icon={<IconMessageCircleStar size={20} />}
          title="Customer references"
          what="Customers who speak for us, with a cap of uses per quarter; request one for a deal."
          figure={refs.data ? `${plural(refs.data.total, "active reference", "active references")}${awaiting.data?.length ? ` · ${awaiting.data.length} awaiting your decision` : ""}` : null}
        />
        <Section testId="enablement-competitors" to="/competitors" icon={<IconSwords size={20} />} title="Competitors & battlecards" what="Profiles, battlecards, win rate and loss reasons per competitor." figure={competitors.data ? plural(competitors.data.length, "competitor", "competitors") : null} />
        <Section testId="enablement-briefs" to="/briefs" icon={<IconClipboardCheck size={20} />} title="Campaign briefs" what="The message, offer and talk track of each campaign, and which reps are ready." figure={null} />
        <Section testId="enablement-messaging" to="/messaging" icon={<IconMessages size={20} />} title="Messaging" what="Value propositions, FAQs and talk tracks per persona and product." figure={messages.data ? plural(messages.data.total, "message", "messages") : null} />
        <Section testId="enablement-swots" to="/swots" icon={<IconLayoutGrid size={20} />} title="SWOT analyses" what="Strengths, weaknesses, opportunities and threats of campaigns (beside their results) and of deal proposals." figure={swots.data ? plural(swots.data.total, "analysis", "analyses") : null} />
        <Section testId="enablement-insights" to="/insights" icon={<IconBulb size={20} />} title="Field insights" what="What buyers tell the field — objections, criteria, competitor moves — voted on by the team and triaged by marketing; ride-alongs." figure={null} />
        <Section testId="enablement-requests" to="/content/requests" icon={<IconMailQuestion size={20} />} title="Content requests" what="What sales is missing, worked by marketing on a board." figure={openRequests === undefined ? null : plural(openRequests, "open request", "open requests")} />
      </SimpleGrid>
    </>
  );
}

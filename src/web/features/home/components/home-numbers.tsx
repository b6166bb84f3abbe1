import { SimpleGrid } from "@mantine/core";
import { IconCoin, IconSpeakerphone, IconUserCheck, IconUsers } from "@tabler/icons-react";
import { Link } from "react-router";
import { StatCard } from "../../../components/stat-card";
import { formatNumber } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import { useCampaigns } from "../../campaigns/hooks/use-campaigns";
import { useContacts } from "../../contacts/hooks/use-contacts";
import { useDeals } from "../../deals/hooks/use-deals";

const CAP = 200;

function count(items: unknown[], hasMore: boolean): string {
  return hasMore ? `${formatNumber(CAP)}+` : formatNumber(items.length);
}

/** Headline counts for the home page, read from the list endpoints (capped at 200 each). */
export function HomeNumbers() {
  const money = useMoney();
  const mqls = useContacts({ stage: ["mql"], limit: CAP });
  const sals = useContacts({ stage: ["sal", "sql"], limit: CAP });
  const open = useDeals({ open: "true", limit: CAP });
  const active = useCampaigns({ status: ["active"], limit: CAP });
  const pipeline = open.items.reduce((s, d) => s + d.amount, 0);
  const link = { textDecoration: "none", color: "inherit" };
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
      <Link to="/contacts?stage=mql" style={link}>
        <StatCard label="MQLs awaiting sales" value={mqls.isLoading ? "…" : count(mqls.items, !!mqls.hasNextPage)} icon={<IconUserCheck size={18} />} color="violet" hint="accept or reject with a reason" testId="home-mqls" />
      </Link>
      <Link to="/contacts?stage=sal,sql" style={link}>
        <StatCard label="Accepted & qualified" value={sals.isLoading ? "…" : count(sals.items, !!sals.hasNextPage)} icon={<IconUsers size={18} />} color="cyan" hint="SAL and SQL contacts" />
      </Link>
      <Link to="/deals?open=true" style={link}>
        <StatCard label="Open pipeline" value={open.isLoading ? "…" : money(pipeline, { compact: pipeline >= 1_000_000 })} icon={<IconCoin size={18} />} color="teal" hint={`${count(open.items, !!open.hasNextPage)} open deals`} />
      </Link>
      <Link to="/campaigns?status=active" style={link}>
        <StatCard label="Active campaigns" value={active.isLoading ? "…" : count(active.items, !!active.hasNextPage)} icon={<IconSpeakerphone size={18} />} color="blue" hint="running now" />
      </Link>
    </SimpleGrid>
  );
}

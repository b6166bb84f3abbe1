import type { ReactNode } from "react";
import { Box, Group, List, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { BrandMark } from "../../../components/brand-mark";

const PROMISES = [
  "One agreed definition of a qualified lead, approved by both sides",
  "Two-sided SLAs: marketing volume and quality, sales speed and follow-up",
  "Every rejection, loss and no-decision with a reason, feeding the next campaign",
  "Pipeline and revenue per campaign, not just lead counts",
];

/** The split-screen frame of the sign-in and invitation pages. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <Box style={{ display: "flex", minHeight: "100vh" }}>
      <Box
        visibleFrom="md"
        p={48}
        style={{
          flex: "0 0 44%",
          background: "linear-gradient(160deg, var(--mantine-color-indigo-9) 0%, var(--mantine-color-indigo-7) 55%, var(--mantine-color-cyan-7) 100%)",
          color: "white",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
        }}
      >
        <Group gap="sm">
          <BrandMark size={34} inverted />
          <Text fw={700} fz="xl">
            Tandem
          </Text>
        </Group>
        <Stack gap="lg" maw={460}>
          <Title order={2} c="white" fw={700} lh={1.2}>
            Marketing and sales, working as one revenue team.
          </Title>
          <List spacing="sm" icon={<ThemeIcon size={22} radius="xl" color="white" variant="white" c="indigo.7"><IconCheck size={14} /></ThemeIcon>}>
            {PROMISES.map((p) => (
              <List.Item key={p}>
                <Text c="indigo.0" fz="sm">
                  {p}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
        <Text fz="xs" c="indigo.1">
          Self-hosted revenue alignment
        </Text>
      </Box>
      <Box style={{ flex: 1, display: "flex", alignItems: "center", justifyContent: "center" }} p="xl">
        <Box w="100%" maw={400}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}

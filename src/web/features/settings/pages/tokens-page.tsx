import { useState } from "react";
import { Badge, Button, Code, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatDate, formatRelative } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useMembers } from "../../users/hooks/use-members";
import { CreateTokenModal } from "../components/create-token-modal";
import { useApiTokens, useRevokeApiToken } from "../hooks/use-api-tokens";

function tokenStatus(t: { revokedAt: string | null; expiresAt: string | null }): { label: string; color: string } {
  if (t.revokedAt) return { label: "Revoked", color: "gray" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "Expired", color: "orange" };
  return { label: "Active", color: "green" };
}

/** Settings → API tokens at /settings/tokens: your tokens (all for admins), create with a one-time secret, revoke. */
export function TokensPage() {
  const me = useSession();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const { byId } = useMembers();
  const [createOpen, create] = useDisclosure(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const items = tokens.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed" maw={640}>
          Tokens let scripts and integrations call the API as you. {me.role === "admin" ? "As an admin you see every member's tokens." : ""}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
          New token
        </Button>
      </Group>
      {tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconKey size={22} />} title={tokens.isLoading ? "Loading tokens…" : "No API tokens"} description="Create one for an integration; the secret is shown once." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={760}>
            <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => {
                  const status = tokenStatus(t);
                  return (
                    <Table.Tr key={t.id} style={{ opacity: t.revokedAt ? 0.6 : 1 }}>
                      <Table.Td fw={600}>{t.name}</Table.Td>
                      <Table.Td>
                        <Code>{t.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {t.scopes.map((s) => (
                            <Badge key={s} size="xs" variant="outline">
                              {s}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{t.userId === me.user.id ? "You" : (byId.get(t.userId)?.name ?? "—")}</Table.Td>
                      <Table.Td c="dimmed">{formatDate(t.createdAt)}</Table.Td>
                      <Table.Td c="dimmed">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : "never"}</Table.Td>
                      <Table.Td c="dimmed">{t.expiresAt ? formatDate(t.expiresAt) : "never"}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={status.color}>
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        {!t.revokedAt && (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRevoking({ id: t.id, name: t.name })}>
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateTokenModal opened={createOpen} onClose={create.close} />
      <ConfirmDelete
        opened={!!revoking}
        onClose={() => setRevoking(null)}
        title="Revoke API token"
        confirmLabel="Revoke"
        message={`Revoke “${revoking?.name ?? ""}”? Anything using it stops working immediately.`}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Stack>
  );
}

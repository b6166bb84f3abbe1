import { Box, Table, Text, Tooltip } from "@mantine/core";
import { useNavigate } from "react-router";
import type { WhitespaceMatrix, WhitespaceState } from "../../../../shared/contracts/growth.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { formatNumber } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

type Data = Serialized<WhitespaceMatrix>;

/** Cell colors: owned green, in pipeline amber, whitespace pale blue (the opportunity). */
export const CELL_STYLE: Record<WhitespaceState, { bg: string; fg: string; label: string }> = {
  owned: { bg: "var(--mantine-color-green-2)", fg: "var(--mantine-color-green-9)", label: "Owned" },
  pipeline: { bg: "var(--mantine-color-yellow-2)", fg: "var(--mantine-color-yellow-9)", label: "In pipeline" },
  open: { bg: "var(--mantine-color-blue-0)", fg: "var(--mantine-color-blue-7)", label: "Whitespace" },
};

const sticky = { position: "sticky", top: 0, zIndex: 2, background: "var(--mantine-color-body)" } as const;

/** Accounts × products with a sticky header and totals; a click opens the account (owned, whitespace) or the open deal (pipeline). */
export function WhitespaceMatrixTable({ data }: { data: Data }) {
  const money = useMoney();
  const navigate = useNavigate();
  return (
    <Box style={{ maxHeight: "70vh", overflow: "auto" }} data-testid="whitespace-matrix">
      <Table withColumnBorders striped={false} fz="xs" style={{ borderCollapse: "separate", borderSpacing: 0 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ ...sticky, left: 0, zIndex: 3, minWidth: 200 }}>Account</Table.Th>
            {data.products.map((p) => (
              <Table.Th key={p.productId} style={{ ...sticky, minWidth: 110, textAlign: "center" }}>
                <Text fz="xs" fw={600}>
                  {p.name}
                </Text>
                <Text fz={10} c="dimmed">
                  {p.listPrice !== null ? money(p.listPrice, { compact: true }) : "no list price"}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Table.Tr key={r.accountId}>
              <Table.Td style={{ position: "sticky", left: 0, background: "var(--mantine-color-body)", zIndex: 1 }}>
                <Text fz="xs" fw={500} truncate>
                  {r.accountName}
                </Text>
                <Text fz={10} c="dimmed" truncate>
                  {[r.segment, r.industry, r.ownerName].filter(Boolean).join(" · ")}
                </Text>
              </Table.Td>
              {r.cells.map((c, i) => {
                const style = CELL_STYLE[c.state];
                const product = data.products[i]!;
                const target = c.state === "pipeline" && c.dealId ? `/deals/${c.dealId}` : `/accounts/${r.accountId}`;
                return (
                  <Tooltip key={c.productId} label={`${r.accountName} · ${product.name}: ${style.label}${c.value !== null ? ` (${money(c.value)})` : ""}`} openDelay={300}>
                    <Table.Td
                      data-state={c.state}
                      data-testid={`ws-cell-${c.state}`}
                      aria-label={`${r.accountName} ${product.name} ${style.label}`}
                      role="button"
                      tabIndex={0}
                      onClick={() => navigate(target)}
                      onKeyDown={(e) => e.key === "Enter" && navigate(target)}
                      style={{ background: style.bg, color: style.fg, textAlign: "center", cursor: "pointer" }}
                    >
                      {c.state === "open" ? "—" : c.value !== null ? money(c.value, { compact: true }) : style.label}
                    </Table.Td>
                  </Tooltip>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {(["owned", "pipeline", "whitespace"] as const).map((k) => (
            <Table.Tr key={k}>
              <Table.Th style={{ position: "sticky", left: 0, background: "var(--mantine-color-body)" }}>{k === "whitespace" ? "Whitespace" : k === "owned" ? "Owned" : "In pipeline"}</Table.Th>
              {data.products.map((p) => (
                <Table.Td key={p.productId} ta="center" data-testid={`ws-total-${k}`}>
                  {formatNumber(p[k])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th style={{ position: "sticky", left: 0, background: "var(--mantine-color-body)" }}>Potential (list)</Table.Th>
            {data.products.map((p) => (
              <Table.Td key={p.productId} ta="center" fw={600}>
                {money(p.potential, { compact: true })}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  );
}

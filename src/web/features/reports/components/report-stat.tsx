import type { ReactNode } from "react";
import { Group, Text } from "@mantine/core";
import { StatCard } from "../../../components/stat-card";
import type { ValueFormat } from "../hooks/report-format";
import { ChangeBadge, ReportValue } from "./report-value";

type Props = {
  label: string;
  value: number | null | undefined;
  format: ValueFormat;
  /** The same number for the previous period; the card shows the change when comparison is on. */
  previous?: number | null;
  comparing?: boolean;
  goodWhen?: "up" | "down" | "neither";
  nullReason?: string;
  hint?: ReactNode;
  icon?: ReactNode;
  color?: string;
  onDrill?: () => void;
  testId?: string;
};

/** A headline report number: the value (drillable), its change against the previous period, and a hint. */
export function ReportStat({ label, value, format, previous, comparing, goodWhen, nullReason, hint, icon, color, onDrill, testId }: Props) {
  return (
    <StatCard
      label={label}
      testId={testId}
      icon={icon}
      color={color}
      value={<ReportValue value={value} format={format} nullReason={nullReason} onDrill={onDrill} />}
      hint={
        comparing || hint ? (
          <Group gap={6} component="span" wrap="wrap">
            {comparing && <ChangeBadge current={value} previous={previous} format={format} goodWhen={goodWhen} />}
            {hint && (
              <Text span fz="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </Group>
        ) : undefined
      }
    />
  );
}

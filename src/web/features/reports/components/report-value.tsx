import { Badge, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from "@tabler/icons-react";
import { useSession } from "../../../lib/session";
import { changeBetween, formatValue, type ValueFormat } from "../hooks/report-format";

/** "—" for a number without a denominator, with a tooltip saying why (never 0 or NaN). */
export function NullValue({ reason }: { reason: string }) {
  return (
    <Tooltip label={reason} multiline maw={280} withArrow>
      <Text span inherit c="dimmed" tabIndex={0} aria-label={`No value: ${reason}`} data-testid="null-value" style={{ cursor: "help" }}>
        —
      </Text>
    </Tooltip>
  );
}

type ValueProps = {
  value: number | string | null | undefined;
  format: ValueFormat;
  /** Why the value can be missing, shown on hover of the "—". */
  nullReason?: string;
  /** Opens the records behind the number. */
  onDrill?: () => void;
  testId?: string;
};

/** A report number: formatted, "—" with its reason when null, and a button opening its records when drillable. */
export function ReportValue({ value, format, nullReason = "Nothing to divide by in this period.", onDrill, testId }: ValueProps) {
  const { workspace } = useSession();
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return <NullValue reason={nullReason} />;
  const text = formatValue(value, format, workspace.currency);
  if (!onDrill || value === 0) {
    return (
      <Text span inherit data-testid={testId}>
        {text}
      </Text>
    );
  }
  return (
    <UnstyledButton onClick={onDrill} data-testid={testId} data-drill="true" aria-label={`${text}: show the records`} style={{ font: "inherit", color: "inherit", textDecoration: "underline dotted", textUnderlineOffset: 3 }}>
      {text}
    </UnstyledButton>
  );
}

/** The change against the previous period as a small badge; `goodWhen` colours it (a falling cost is good). */
export function ChangeBadge({ current, previous, format, goodWhen = "up" }: { current: number | null | undefined; previous: number | null | undefined; format: ValueFormat; goodWhen?: "up" | "down" | "neither" }) {
  const change = changeBetween(current, previous, format);
  const { workspace } = useSession();
  if (!change) {
    return (
      <Tooltip label={previous === null || previous === undefined ? "No value in the previous period." : "The previous period was zero: no base to compare with."} withArrow>
        <Badge component="span" variant="light" color="gray" size="sm" data-testid="change">
          no base
        </Badge>
      </Tooltip>
    );
  }
  const good = goodWhen === "neither" || change.direction === "flat" ? null : (change.direction === "up") === (goodWhen === "up");
  const color = good === null ? "gray" : good ? "teal" : "red";
  const Icon = change.direction === "up" ? IconArrowUpRight : change.direction === "down" ? IconArrowDownRight : IconMinus;
  return (
    <Tooltip label={`Previous period: ${formatValue(previous, format, workspace.currency)}`} withArrow>
      <Badge component="span" variant="light" color={color} size="sm" leftSection={<Icon size={12} />} data-testid="change" data-direction={change.direction}>
        {change.text}
      </Badge>
    </Tooltip>
  );
}

import { Badge, Tooltip } from "@mantine/core";
import { fitGradeColor } from "../lib/labels";

/** A fit grade A–D as a small square badge; a dash when not graded. */
export function FitGradeBadge({ grade, points }: { grade: string | null; points?: number }) {
  return (
    <Tooltip label={grade ? `Fit grade ${grade}${points !== undefined ? ` · ${points} fit points` : ""}` : "Not graded yet"} openDelay={300}>
      <Badge color={fitGradeColor(grade)} variant={grade ? "filled" : "outline"} size="sm" radius="sm" w={26} px={0}>
        {grade ?? "–"}
      </Badge>
    </Tooltip>
  );
}

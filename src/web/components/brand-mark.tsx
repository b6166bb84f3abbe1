/** The Tandem logo mark: two linked bars, one for each side of the revenue team. */
export function BrandMark({ size = 28, inverted = false }: { size?: number; inverted?: boolean }) {
  const bg = inverted ? "white" : "var(--mantine-color-indigo-6)";
  const fg = inverted ? "var(--mantine-color-indigo-7)" : "white";
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill={bg} />
      <path d="M8 12.5h16" stroke={fg} strokeWidth="3.4" strokeLinecap="round" />
      <path d="M12 19.5h12" stroke={fg} strokeWidth="3.4" strokeLinecap="round" opacity="0.7" />
      <circle cx="9" cy="19.5" r="1.9" fill={fg} opacity="0.7" />
    </svg>
  );
}

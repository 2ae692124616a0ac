const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A timestamp in the browser's time zone as `YYYY-MM-DD HH:mm` (stable for tests and
 * screenshots, unlike locale formats).
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `85 ms`, `1.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const STATUS_LABELS = { 1: "Active", 2: "Auto-disabled", 3: "Disabled" } as const;

/** Profile status in words: 1 Active, 2 Auto-disabled, 3 Disabled. */
export function profileStatusLabel(status: 1 | 2 | 3): string {
  return STATUS_LABELS[status];
}

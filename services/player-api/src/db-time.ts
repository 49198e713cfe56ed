// Timestamps from the shared database client arrive as PostgreSQL text ("2026-01-02 03:04:05.678+00"):
// its drizzle layer takes over the date parsers. Parameters go out as ISO strings for the same reason.

export function asDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`unreadable timestamp ${value}`);
  return date;
}

export function asDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : asDate(value);
}

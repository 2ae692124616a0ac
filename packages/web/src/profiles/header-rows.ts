/** One row of the headers editor; `id` keeps React keys stable while rows are edited. */
export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

let nextRowId = 1;

export function newHeaderRow(name = "", value = ""): HeaderRow {
  const row = { id: nextRowId, name, value };
  nextRowId += 1;
  return row;
}

export function rowsFromHeaders(headers: Readonly<Record<string, string>>): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => newHeaderRow(name, value));
}

export type HeadersFromRowsResult =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; message: string };

/**
 * The headers object of the editor's rows: blank rows are skipped; a value without a key, or a
 * key given twice (any case, which an object could not tell apart), is an error to show.
 */
export function headersFromRows(rows: readonly HeaderRow[]): HeadersFromRowsResult {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    if (name === "" && row.value === "") continue;
    if (name === "") return { ok: false, message: `row ${index + 1} has a value but no key` };
    const lower = name.toLowerCase();
    if (seen.has(lower)) return { ok: false, message: `have ${name} more than once` };
    seen.add(lower);
    headers[name] = row.value;
  }
  return { ok: true, headers };
}

import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

const font =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const emailStyles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: font, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #e3e5e8",
    borderRadius: "6px",
    maxWidth: "640px",
    padding: "24px 32px",
  },
  h1: { color: "#111827", fontSize: "22px", lineHeight: "28px", margin: "0 0 8px" },
  h2: { color: "#111827", fontSize: "16px", lineHeight: "24px", margin: "28px 0 8px" },
  text: { color: "#374151", fontSize: "14px", lineHeight: "22px", margin: "4px 0" },
  muted: { color: "#6b7280", fontSize: "12px", lineHeight: "18px", margin: "4px 0" },
  code: {
    backgroundColor: "#f3f4f6",
    borderRadius: "4px",
    fontFamily: "Menlo, Consolas, monospace",
    fontSize: "13px",
    padding: "1px 4px",
    wordBreak: "break-all",
  },
  warning: { color: "#b45309" },
} satisfies Record<string, CSSProperties>;

interface EmailLayoutProps {
  /** The inbox preview line after the subject. */
  preview: string;
  title: string;
  /** Small print under the rule at the bottom. */
  footer: ReactNode;
  children: ReactNode;
}

/** The frame every Rebound email shares: preview line, card, title, footer. */
export function EmailLayout({ preview, title, footer, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={emailStyles.body}>
        <Container style={emailStyles.container}>
          <Heading as="h1" style={emailStyles.h1}>
            {title}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#e3e5e8", margin: "28px 0 12px" }} />
          <Text style={emailStyles.muted}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export interface DataColumn {
  header: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

const cell: CSSProperties = {
  borderBottom: "1px solid #eceef1",
  color: "#374151",
  fontSize: "14px",
  lineHeight: "20px",
  padding: "6px 8px",
  verticalAlign: "top",
};

/**
 * A table of figures. `data-text-table` makes the plain-text part lay it out as aligned
 * columns (see `renderEmail`); layout tables from React Email are read as plain blocks.
 */
export function DataTable({ columns, rows }: { columns: DataColumn[]; rows: ReactNode[][] }) {
  const align = (column: DataColumn | undefined) => (column?.numeric ? "right" : "left");
  return (
    <table
      data-text-table="true"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      style={{ borderCollapse: "collapse", margin: "4px 0 8px" }}
    >
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.header}
              style={{ ...cell, color: "#6b7280", fontSize: "12px", textAlign: align(column) }}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          // Rows have no identity of their own (a deleted profile's title may be reused), and
          // the list is rendered once, never reordered: the index is the key.
          <tr key={rowIndex}>
            {row.map((value, columnIndex) => (
              <td key={columnIndex} style={{ ...cell, textAlign: align(columns[columnIndex]) }}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

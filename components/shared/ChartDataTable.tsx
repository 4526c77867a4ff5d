import type { ReactNode } from 'react';

/** Props of {@link ChartDataTable}. */
export interface ChartDataTableProps {
  /** Says what the table holds, e.g. "Jobs per day". */
  caption: ReactNode;
  /** Column headings; the first one heads the row headers (the day). */
  columns: readonly ReactNode[];
  /** One row per point: a stable key, the row header (the formatted day) and the cells. */
  rows: readonly { key: string; header: ReactNode; cells: readonly ReactNode[] }[];
}

/**
 * A chart's values as a table for screen readers, hidden from sight. Hidden through a wrapper: a
 * table ignores the 1 px box of `.podium-sr-only` and would still take its full width and height
 * (a 1,000 px blank below the page and sideways scroll on phones).
 */
export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  return (
    <div className="podium-sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

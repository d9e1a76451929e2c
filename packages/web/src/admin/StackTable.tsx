import type { HTMLAttributes, Key, ReactNode } from "react";

export interface StackColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

/**
 * An admin list as a table that becomes one card per row on a phone: every cell carries its
 * column's heading (`data-label`, shown by admin.css where the table header is hidden).
 */
export const StackTable = <Row,>({
  className,
  columns,
  rows,
  rowKey,
  rowAttributes,
}: {
  className?: string;
  columns: readonly StackColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowAttributes?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) => (
  <div className="admin-table-wrap">
    <table
      className={className ? `data-table admin-stack-table ${className}` : "data-table admin-stack-table"}
    >
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            {columns.map((column) => (
              <td key={column.label} data-label={column.label} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

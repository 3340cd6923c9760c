import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from './form-errors';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly number?: boolean;
}

interface ListPanelProps<Row> {
  /** The heading's id. */
  readonly id: string;
  readonly title: string;
  readonly list: UseQueryResult<readonly Row[]>;
  readonly empty: string;
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
  /** A data attribute on each row, for tests and styling: `data-<name>="<key>"`. */
  readonly rowAttribute?: string;
  /** The link that opens a row's page, its words, and what screen readers hear after them. */
  readonly open?: { readonly label: string; readonly to: (row: Row) => string; readonly which: (row: Row) => string };
}

/** A workspace's list in a panel: loading, a refusal, nothing yet, or a table whose rows open their record. */
export function ListPanel<Row>({ id, title, list, empty, columns, rowKey, rowAttribute, open }: ListPanelProps<Row>) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {list.isPending && <p role="status">{t('loading')}</p>}
      {list.isError && <ErrorSummary error={list.error} labels={{}} />}
      {list.data && list.data.length === 0 && <p>{empty}</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.number ? 'number' : undefined}>
                  {column.header}
                </th>
              ))}
              {open && (
                <th scope="col">
                  <span className="visually-hidden">{open.label}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.data.map((row) => (
              <tr key={rowKey(row)} {...(rowAttribute ? { [`data-${rowAttribute}`]: rowKey(row) } : {})}>
                {columns.map((column) => (
                  <td key={column.header} className={column.number ? 'number' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
                {open && (
                  <td>
                    <Link to={open.to(row)}>
                      {open.label}
                      <span className="visually-hidden"> {open.which(row)}</span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

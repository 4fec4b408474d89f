import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalXS,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  head: { fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/** A table of figures: the first column names the row (a row header), the others are values. */
export function FigureTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly [string, ...(number | string | null)[]])[];
}) {
  const s = useStyles();
  return (
    // Focusable so a keyboard user can scroll a wide table on a narrow screen.
    <div className={s.scroll} tabIndex={0} role="region" aria-label={caption}>
      <table className={s.table}>
        <caption className={s.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`${s.cell} ${s.head} ${i === 0 ? '' : s.number}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...values]) => (
            <tr key={name}>
              <th scope="row" className={`${s.cell} ${s.head}`}>
                {name}
              </th>
              {values.map((v, i) => (
                <td key={columns[i + 1] ?? i} className={`${s.cell} ${s.number}`}>
                  {v === null ? '—' : String(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

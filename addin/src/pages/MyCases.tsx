import {
  Body1,
  Button,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ApiProblem } from '../components/ApiProblem';
import { CaseRow } from '../components/CaseRow';
import {
  choices,
  initialControls,
  visibleRows,
  type ListControls,
} from '../components/case-row-model';
import { Loading } from '../components/Loading';
import { useMyCases } from '../hooks/case-queries';

const useStyles = makeStyles({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBlock: tokens.spacingVerticalM,
  },
  field: { minWidth: '140px', flexGrow: 1 },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS },
});

/** "My cases": every case the caller takes part in (or all, for leads), searchable and filtered. */
export default function MyCases() {
  const styles = useStyles();
  const cases = useMyCases();
  const [controls, setControls] = useState<ListControls>(initialControls);
  const set = (patch: Partial<ListControls>) => {
    setControls((c) => ({ ...c, ...patch }));
  };
  const rows = useMemo(() => cases.data ?? [], [cases.data]);
  const shown = useMemo(() => visibleRows(rows, controls), [rows, controls]);
  if (cases.isPending) return <Loading label="Loading your cases" />;
  if (cases.isError) return <ApiProblem error={cases.error} title="Could not load your cases" />;
  return (
    <section aria-labelledby="my-cases">
      <Subtitle1 as="h1" id="my-cases">
        My cases
      </Subtitle1>
      {rows.length === 0 ? (
        <Body1 as="p">
          You are not part of any case yet. A case appears here when a provider opens one that names
          you, or when you raise a concern about a trainee you support.
        </Body1>
      ) : (
        <>
          <div className={styles.controls} role="search" aria-label="Find a case">
            <Field label="Search by trainee" className={styles.field}>
              <SearchBox
                value={controls.search}
                onChange={(_e, d) => {
                  set({ search: d.value });
                }}
              />
            </Field>
            <Field label="Stage" className={styles.field}>
              <Select
                value={controls.stage}
                onChange={(_e, d) => {
                  set({ stage: d.value });
                }}
              >
                <option value="">All stages</option>
                {choices(rows, (r) => r.stageLabel ?? 'No stage').map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            <Field label="School" className={styles.field}>
              <Select
                value={controls.school}
                onChange={(_e, d) => {
                  set({ school: d.value });
                }}
              >
                <option value="">All schools</option>
                {choices(rows, (r) => r.school).map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            <Field label="Status" className={styles.field}>
              <Select
                value={controls.status}
                onChange={(_e, d) => {
                  set({ status: d.value as ListControls['status'] });
                }}
              >
                <option value="open">Open</option>
                <option value="closed">Closed</option>
                <option value="all">All</option>
              </Select>
            </Field>
            <Field label="Due" className={styles.field}>
              <Select
                value={controls.due}
                onChange={(_e, d) => {
                  set({ due: d.value as ListControls['due'] });
                }}
              >
                <option value="any">Any time</option>
                <option value="week">Review within 5 days or overdue</option>
                <option value="overdue">Review overdue</option>
                <option value="needs-you">Needs you</option>
              </Select>
            </Field>
            <Field label="Sort by" className={styles.field}>
              <Select
                value={controls.sort}
                onChange={(_e, d) => {
                  set({ sort: d.value as ListControls['sort'] });
                }}
              >
                <option value="review">Next review</option>
                <option value="name">Trainee name</option>
                <option value="stage">Stage</option>
              </Select>
            </Field>
          </div>
          <Body1 as="p" role="status" aria-live="polite">
            {`Showing ${shown.length} of ${rows.length} case${rows.length === 1 ? '' : 's'}`}
          </Body1>
          {shown.length === 0 ? (
            <div>
              <Body1 as="p">No case matches these filters.</Body1>
              <Button
                onClick={() => {
                  setControls(initialControls);
                }}
              >
                Clear filters
              </Button>
            </div>
          ) : (
            <ul className={styles.list} aria-label="Cases">
              {shown.map((row) => (
                <CaseRow key={row.caseId} row={row} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

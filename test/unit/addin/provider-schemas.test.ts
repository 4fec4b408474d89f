import { providerOverview } from '@shared/domain/overview/provider-overview';
import { overviewSchema } from '../../../addin/src/api/provider-schemas';
import { valueText, withValue } from '../../../addin/src/forms/settings/settings-draft';
import { meToStage1, openMidEssex } from '../../support/engine-fixtures';
import { overviewRowOf } from '@shared/domain/overview/overview-row';

describe('the tab reads the provider views as the API writes them (issue 10)', () => {
  it('parses a real overview, keeping every figure (no field dropped by the tab schema)', () => {
    const h = openMidEssex();
    meToStage1(h);
    const ctx = h.ctx();
    const figures = providerOverview(
      ctx,
      'mid-essex-itt',
      [overviewRowOf(ctx, h.state!)],
      '2026-01-12',
    );
    expect(overviewSchema.parse(JSON.parse(JSON.stringify(figures)))).toEqual(figures);
  });

  it('a setting set back to its stated default leaves the values (the API then applies the default)', () => {
    const settings = { values: { maxTargets: 2, reviewDayUnit: 'working' } } as never;
    expect(withValue(settings, 'maxTargets', undefined)).toEqual({
      values: { reviewDayUnit: 'working' },
    });
    expect(withValue(settings, 'maxTargets', 4)).toEqual({
      values: { maxTargets: 4, reviewDayUnit: 'working' },
    });
  });

  it('says setting values in words (roles by name)', () => {
    expect(
      [null, true, false, 3, 'school', [], ['programmeLead', 'director']].map(valueText),
    ).toEqual(['none', 'yes', 'no', '3', 'school', 'nobody', 'Programme lead, Director']);
  });
});

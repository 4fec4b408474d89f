import { maxRefreshUsers, sharedCaseCard, sharedCaseText } from '@shared/cards';
import { caseId } from './card-fixtures';

describe('the neutral card of a shared conversation (issue 8 item 1)', () => {
  it('says only that a case changed; "Show me" and the refresh ask for the viewer\'s own view', () => {
    const card = sharedCaseCard({ caseId, refreshUserIds: ['29:a', '29:b'] });
    const json = JSON.stringify(card);
    expect(json).toContain(sharedCaseText);
    expect(card.refresh?.userIds).toEqual(['29:a', '29:b']);
    expect(card.refresh?.action.data).toEqual({ verb: 'refreshCase', caseId });
    expect(json).toContain('"title":"Show me"');
    expect(json).not.toContain('Action.OpenUrl');
  });

  it('links to the app when given a link, and refuses more than 60 refresh users', () => {
    const link = 'https://teams.microsoft.com/l/entity/app/cases';
    expect(JSON.stringify(sharedCaseCard({ caseId, refreshUserIds: [], appLink: link }))).toContain(
      `"url":"${link}"`,
    );
    const ids = Array.from({ length: maxRefreshUsers + 1 }, (_, i) => `29:${i}`);
    expect(() => sharedCaseCard({ caseId, refreshUserIds: ids })).toThrow(/at most 60/);
  });
});

import { deepLinkRoute } from '../../../addin/src/app/deep-link';

describe('deep links (subPageId / subEntityId)', () => {
  const id = 'mid-essex-itt.AbCdEfGhIjKlMnOp1234';
  it.each([
    [`case/${id}`, `/cases/${id}`],
    [`case/${id}/plan`, `/cases/${id}/plan`],
    [`case/${id}/nonsense`, `/cases/${id}`],
    [JSON.stringify({ caseId: id, section: 'meetings' }), `/cases/${id}/meetings`],
  ])('%s opens %s', (link, route) => {
    expect(deepLinkRoute(link)).toBe(route);
  });

  it.each([undefined, null, '', 'case/', 'case/../x', 'other/thing', '{not json', '{"caseId":3}'])(
    'ignores %p (my cases opens)',
    (link) => {
      expect(deepLinkRoute(link)).toBeNull();
    },
  );
});

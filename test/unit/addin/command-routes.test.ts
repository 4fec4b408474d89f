import { caseCommandTypes } from '@shared/domain/commands';
import { commandRequest, commandRoutes } from '../../../addin/src/api/command-routes';
import { allRoutes } from '../../../functions/src/functions';
import { docOf } from '../../../functions/src/http/route-doc';

describe("the tab's command routes", () => {
  const served = allRoutes.flatMap((route) => {
    const command = docOf(route)?.command;
    return command === undefined ? [] : [{ command, method: route.methods[0], route: route.route }];
  });

  it('match every command route the API serves (method and path), and cover every command', () => {
    for (const r of served) {
      expect({ command: r.command, ...commandRoutes[r.command] }).toEqual({
        command: r.command,
        method: r.method,
        path: r.route.replace('cases/{caseId}/', ''),
      });
    }
    expect(Object.keys(commandRoutes).sort()).toEqual([...caseCommandTypes].sort());
  });

  it('puts path fields in the path and the rest in the body; a bodyless DELETE sends none', () => {
    expect(
      commandRequest('c.1', 'completeDuty', { dutyId: 'evidence-gathered', notes: 'x' }),
    ).toEqual({ method: 'POST', path: 'cases/c.1/duties/evidence-gathered', body: { notes: 'x' } });
    expect(commandRequest('c.1', 'removeTarget', { targetId: 't 1' })).toEqual({
      method: 'DELETE',
      path: 'cases/c.1/targets/t%201',
      body: undefined,
    });
    expect(commandRequest('c.1', 'noSuchCommand', {})).toBeUndefined();
  });
});

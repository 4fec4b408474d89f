import { actorOf } from '../../../../functions/src/bot/actor';
import { commandIdFor } from '../../../../functions/src/bot/command-id';
import { htmlToText } from '../../../../functions/src/bot/html-to-text';
import { commandText } from '../../../../functions/src/bot/messages/on-message';
import { ukLocalToUtc, ukWeek } from '../../../../functions/src/bot/uk-time';

const tid = '11111111-1111-4111-8111-111111111111';
const oid = 'e0000000-0000-4000-8000-000000000004';

describe('actorOf', () => {
  it('takes the actor from the activity: from.aadObjectId and the tenant', () => {
    expect(
      actorOf({ from: { aadObjectId: oid, name: 'Gareth' }, conversation: { tenantId: tid } }),
    ).toEqual({ ok: true, value: { tid, oid, name: 'Gareth' } });
    expect(
      actorOf({
        from: { aadObjectId: oid },
        conversation: {},
        channelData: { tenant: { id: tid } },
      }),
    ).toMatchObject({ ok: true, value: { tid, oid } });
  });

  it('refuses a missing or non-GUID identity, and two tenants that disagree', () => {
    expect(actorOf({ from: {}, conversation: { tenantId: tid } })).toMatchObject({
      ok: false,
      refusal: { code: 'UNAUTHENTICATED' },
    });
    expect(
      actorOf({
        from: { aadObjectId: '00000000-0000-0000-0000-0000000000020' },
        conversation: { tenantId: tid },
      }),
    ).toMatchObject({ ok: false });
    const mixed = {
      from: { aadObjectId: oid },
      conversation: { tenantId: tid },
      channelData: { tenant: { id: '22222222-2222-4222-8222-222222222222' } },
    };
    expect(actorOf(mixed)).toMatchObject({ ok: false, refusal: { code: 'UNAUTHENTICATED' } });
  });
});

describe('commandIdFor', () => {
  it('is stable for a redelivered activity and differs by actor, verb, case or plan version', () => {
    const id = commandIdFor('act-1', [tid, oid, 'signPlan', 'case', 3]);
    expect(commandIdFor('act-1', [tid, oid, 'signPlan', 'case', 3])).toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const other of [
      commandIdFor('act-2', [tid, oid, 'signPlan', 'case', 3]),
      commandIdFor('act-1', [tid, 'x', 'signPlan', 'case', 3]),
      commandIdFor('act-1', [tid, oid, 'signPlan', 'case', 4]),
    ]) {
      expect(other).not.toBe(id);
    }
  });

  it('without an activity id is random (nothing stable to derive from)', () => {
    expect(commandIdFor(undefined, ['a'])).not.toBe(commandIdFor(undefined, ['a']));
  });
});

describe('htmlToText', () => {
  it('turns a Teams message body into plain text', () => {
    expect(
      htmlToText(
        '<p>Late <b>again</b> &amp; unprepared&nbsp;today.</p><p>Second<br>line</p><script>x()</script>',
      ),
    ).toBe('Late again & unprepared today.\nSecond\nline');
    expect(htmlToText('<at>Support plans</at> &lt;img src=x&gt; &#39;quoted&#39; &#x263A;')).toBe(
      "Support plans <img src=x> 'quoted' \u263A",
    );
  });
});

describe('commandText', () => {
  it('folds mentions, case, spacing and a final full stop', () => {
    expect(commandText('<at>Support plans</at>  My   Cases.')).toBe('my cases');
    expect(commandText(undefined)).toBe('');
  });
});

describe('UK time', () => {
  it('converts UK wall-clock time to UTC in GMT and in BST', () => {
    expect(ukLocalToUtc('2026-01-15', '15:30')).toBe('2026-01-15T15:30:00.000Z');
    expect(ukLocalToUtc('2026-07-15', '15:30')).toBe('2026-07-15T14:30:00.000Z');
    expect(ukLocalToUtc('2026-07-15', 'half three')).toBeNull();
  });

  it('the week ends on Sunday', () => {
    expect(ukWeek(new Date('2026-11-25T10:00:00Z'))).toEqual({
      today: '2026-11-25',
      weekEnding: '2026-11-29',
    });
    expect(ukWeek(new Date('2026-11-29T23:30:00Z'))).toEqual({
      today: '2026-11-29',
      weekEnding: '2026-11-29',
    });
  });
});

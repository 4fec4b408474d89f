import { helpCard, type AdaptiveCard } from '@shared/cards';
import { hostileText } from './card-fixtures';
import { everyCard } from './every-card';
import { adaptiveCardProblems, cardRuleViolations } from './validate-card';

describe('every card builder', () => {
  const plain = Object.entries(everyCard((f) => f));
  const hostile = Object.entries(everyCard((f) => `${f} ${hostileText}`));

  it.each(plain)(
    '%s parses cleanly with the adaptivecards package and keeps our card rules',
    (_name, card) => {
      expect(cardRuleViolations(card)).toEqual([]);
    },
  );

  it.each(hostile)(
    '%s with hostile text parses cleanly and keeps our card rules',
    (_name, card) => {
      expect(cardRuleViolations(card)).toEqual([]);
    },
  );

  it('the validator does catch a broken card (duplicate input ids, OpenUrl, actor in data)', () => {
    const bad = {
      ...helpCard(),
      body: [
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.OpenUrl', url: 'https://evil.example', title: 'x' }],
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Execute',
              verb: 'signPlan',
              title: 'x',
              data: { verb: 'signPlan', role: 'mentor' },
            },
          ],
        },
      ],
    } as AdaptiveCard;
    expect(adaptiveCardProblems(bad)).toContain('validate: Duplicate Id "a".');
    expect(cardRuleViolations(bad)).toEqual(
      expect.arrayContaining(['has Action.OpenUrl', 'action data key role']),
    );
  });
});

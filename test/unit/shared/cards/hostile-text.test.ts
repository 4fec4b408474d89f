import { neutralise } from '@shared/cards/safe-text';
import { paragraph, run } from '@shared/cards/elements';
import { hostile } from './card-fixtures';
import { everyCard } from './every-card';
import { stringSites } from './validate-card';

// Where user text may appear: plain-text runs, input values the user edits, dropdown titles and
// button titles (rendered as plain text). Never a TextBlock (Markdown), a URL or action data.
const allowed = new Set([
  'TextRun.text',
  'Input.Text.value',
  'Input.ChoiceSet.choices.title',
  'Action.Execute.title',
]);

const cards = Object.entries(everyCard((f) => `${f} ${hostile.join(' ')}`));

describe('user text in cards (V4)', () => {
  it.each(cards)('%s: hostile inputs appear only in plain-text places', (name, card) => {
    const markers = hostile.flatMap((h) => [h.slice(0, 6), neutralise(h).slice(0, 6)]);
    const sites = stringSites(card).filter((s) => markers.some((m) => s.value.includes(m)));
    // The help and shared-conversation cards carry no user text at all.
    if (name !== 'help' && name !== 'sharedCase') expect(sites.length).toBeGreaterThan(0);
    const misplaced = sites.filter((s) => !allowed.has(`${s.ownerType}.${s.key}`));
    expect(misplaced).toEqual([]);
  });

  it.each(cards)(
    '%s: no date macro or template expression survives in displayed text',
    (_name, card) => {
      const shown = stringSites(card).filter((s) => s.key === 'text' || s.key === 'title');
      for (const site of shown) {
        expect(site.value).not.toContain('{{');
        expect(site.value).not.toContain('${');
      }
    },
  );

  it('golden: each hostile input becomes one plain TextRun, macros broken by a zero-width space', () => {
    expect(hostile.map((h) => paragraph(run(h)))).toEqual([
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '[Click](https://evil.example)' }],
      },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '**URGENT**' }] },
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '{\u200B{DATE(2017-02-14T06:08:00Z)}}' }],
      },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '$\u200B{$root.medical}' }] },
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '<img src=x onerror=alert(1)>' }],
      },
    ]);
  });

  it('breaks runs of braces too, and neutralising twice changes nothing more', () => {
    for (const tricky of ['{{{DATE(2017-02-14T06:08:00Z)}}}', '$${{x}}', '${{', '{$']) {
      expect(neutralise(tricky)).not.toMatch(/\{\{|\$\{/);
    }
    for (const h of hostile) expect(neutralise(neutralise(h))).toBe(neutralise(h));
  });
});

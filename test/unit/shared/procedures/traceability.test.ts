import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtInProcedures } from '@shared/procedures/registry';

/**
 * Every rule of the checklist is traced by its ID in the procedure definitions (rule arrays,
 * settings, comments) and in at least one test. IDs are read from the checklist, never listed here.
 */

const root = join(__dirname, '..', '..', '..', '..');
const checklist = readFileSync(join(root, 'docs', 'procedure-checklist.md'), 'utf8');
const ids = [...checklist.matchAll(/^- \*\*((?:BF|ME|X)-\d{2})\*\*/gm)].map((m) => m[1]!);
const definitionSources = {
  BF: [readFileSync(join(root, 'shared/src/procedures/bright-futures-scitt.ts'), 'utf8')],
  ME: [readFileSync(join(root, 'shared/src/procedures/mid-essex-itt.ts'), 'utf8')],
  X: [
    readFileSync(join(root, 'shared/src/procedures/bright-futures-scitt.ts'), 'utf8'),
    readFileSync(join(root, 'shared/src/procedures/mid-essex-itt.ts'), 'utf8'),
  ],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|tsx|json)$/.test(name) ? [path] : [];
  });
}

const mentions = (text: string, id: string) => new RegExp(`\\b${id}\\b`).test(text);
const prefixOf = (id: string) => id.split('-')[0] as keyof typeof definitionSources;

/** Every rule id cited anywhere in a parsed definition. */
function citedRules(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citedRules);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'rules' && Array.isArray(v) ? (v as string[]) : citedRules(v),
  );
}

describe('traceability: checklist IDs in definitions and tests', () => {
  it('reads every ID from docs/procedure-checklist.md: BF-01..30, ME-01..80, X-01..12, once each', () => {
    const expected = [
      ...Array.from({ length: 30 }, (_, i) => `BF-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 80 }, (_, i) => `ME-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 12 }, (_, i) => `X-${String(i + 1).padStart(2, '0')}`),
    ];
    expect(ids).toEqual(expected);
  });

  it('every checklist ID appears in its procedure definition (rule arrays, settings or comments)', () => {
    const missing = ids.filter(
      (id) => !definitionSources[prefixOf(id)].some((source) => mentions(source, id)),
    );
    // Informational rules still need an ID in the definition (a comment is enough); the lead adds them.
    expect({ missingFromDefinitions: missing }).toEqual({ missingFromDefinitions: [] });
  });

  it('every checklist ID appears in at least one test name or test file under test/', () => {
    const self = relative(root, __filename);
    const tests = filesUnder(join(root, 'test'))
      .filter((f) => relative(root, f) !== self)
      .map((f) => readFileSync(f, 'utf8'));
    const missing = ids.filter((id) => !tests.some((text) => mentions(text, id)));
    expect({ missingFromTests: missing }).toEqual({ missingFromTests: [] });
  });

  it('the definitions cite only rules that exist in the checklist (no typos such as ME-81)', () => {
    const known = new Set(ids);
    const unknown = [...builtInProcedures().values()].flatMap((def) =>
      citedRules(def)
        .filter((r) => !known.has(r))
        .map((r) => `${def.id}: ${r}`),
    );
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('each definition cites only its own provider rules and the shared X-items', () => {
    const wrong = [...builtInProcedures().values()].flatMap((def) => {
      const own = def.id === 'mid-essex-itt' ? 'ME' : 'BF';
      return citedRules(def)
        .filter((r) => !r.startsWith(`${own}-`) && !r.startsWith('X-'))
        .map((r) => `${def.id}: ${r}`);
    });
    expect([...new Set(wrong)]).toEqual([]);
  });
});

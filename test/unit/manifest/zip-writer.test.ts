import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZipInputError } from '../../../manifest/lib/packaging-errors';
import { createZip } from '../../../manifest/lib/zip-writer';
import { readZip } from './read-zip';

const text = Buffer.from('{"hello":"world"}\n'.repeat(50), 'utf8');
const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 151 + 7) % 256));

describe('createZip', () => {
  it('round-trips deflated and stored entries with their CRCs', () => {
    const entries = readZip(
      createZip([
        { name: 'manifest.json', data: text },
        { name: 'noise.bin', data: noise },
        { name: 'empty.txt', data: Buffer.alloc(0) },
      ]),
    );
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['manifest.json', 8],
      ['noise.bin', 0],
      ['empty.txt', 0],
    ]);
    expect(entries[0]!.data.equals(text)).toBe(true);
    expect(entries[1]!.data.equals(noise)).toBe(true);
    expect(entries[2]!.data.length).toBe(0);
  });

  it('gives the same bytes for the same input (fixed timestamps)', () => {
    const entries = [{ name: 'a.txt', data: text }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it.each(['', '/abs.txt', '../up.txt', 'a\\b.txt', 'naïve.txt'])('refuses the name %j', (name) => {
    expect(() => createZip([{ name, data: text }])).toThrow(ZipInputError);
  });

  it('refuses duplicate names', () => {
    const entry = { name: 'a.txt', data: text };
    expect(() => createZip([entry, entry])).toThrow(/duplicate/);
  });

  const unzip = '/usr/bin/unzip';
  (existsSync(unzip) ? it : it.skip)('passes `unzip -t` when Info-ZIP is installed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'test.zip');
      writeFileSync(
        file,
        createZip([
          { name: 'manifest.json', data: text },
          { name: 'n.bin', data: noise },
        ]),
      );
      expect(execFileSync(unzip, ['-t', file]).toString()).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

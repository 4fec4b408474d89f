import { crc32, deflateRawSync } from 'node:zlib';
import { ZipInputError } from './packaging-errors';

/** One file to store in a ZIP archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

// 1980-01-01 00:00 in MS-DOS format: fixed, so the same inputs give the same bytes.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;
const version = 20;
const maxSize = 0xffff_ffff;

interface Prepared {
  readonly name: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  readonly body: Buffer;
}

function checkName(name: string, seen: Set<string>): void {
  const valid = /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(name);
  if (!valid || name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) {
    throw new ZipInputError(`invalid ZIP entry name ${JSON.stringify(name)}`);
  }
  if (seen.has(name)) throw new ZipInputError(`duplicate ZIP entry ${name}`);
  seen.add(name);
}

function prepare(entry: ZipEntry): Prepared {
  if (entry.data.length > maxSize) throw new ZipInputError(`${entry.name} is too large for ZIP`);
  const deflated = deflateRawSync(entry.data, { level: 9 });
  const stored = deflated.length >= entry.data.length;
  return {
    name: Buffer.from(entry.name, 'ascii'),
    method: stored ? 0 : 8,
    crc: crc32(entry.data),
    size: entry.data.length,
    body: stored ? entry.data : deflated,
  };
}

function header(signature: number, file: Prepared, central: boolean, offset: number): Buffer {
  const head = Buffer.alloc(central ? 46 : 30);
  let at = head.writeUInt32LE(signature, 0);
  if (central) at = head.writeUInt16LE(version, at);
  at = head.writeUInt16LE(version, at);
  at = head.writeUInt16LE(0, at); // flags
  at = head.writeUInt16LE(file.method, at);
  at = head.writeUInt16LE(dosTime, at);
  at = head.writeUInt16LE(dosDate, at);
  at = head.writeUInt32LE(file.crc, at);
  at = head.writeUInt32LE(file.body.length, at);
  at = head.writeUInt32LE(file.size, at);
  at = head.writeUInt16LE(file.name.length, at);
  at = head.writeUInt16LE(0, at); // extra field length
  // Central record only: comment length, disk, internal and external attributes, offset.
  if (central) head.writeUInt32LE(offset, at + 10);
  return Buffer.concat([head, file.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** A ZIP archive (deflate, or stored when that is smaller) of `entries`, in the order given. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new ZipInputError('too many ZIP entries');
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    checkName(entry.name, seen);
    const file = prepare(entry);
    const local = Buffer.concat([header(0x04034b50, file, false, 0), file.body]);
    centrals.push(header(0x02014b50, file, true, offset));
    locals.push(local);
    offset += local.length;
  }
  if (offset > maxSize) throw new ZipInputError('ZIP archive too large');
  const directory = Buffer.concat(centrals);
  return Buffer.concat([
    ...locals,
    directory,
    endOfCentralDirectory(entries.length, directory.length, offset),
  ]);
}

/**
 * Reads the entries of a ZIP archive (a `.vsix`) from its central directory,
 * with node:zlib only, so the tests need no `unzip` binary.
 *
 * Supports what vsce writes: no ZIP64, entries stored or deflated.
 */
import { inflateRawSync } from 'node:zlib';

/** One file of a ZIP archive. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated, e.g. `extension/package.json`. */
  readonly name: string;
  /** Bytes once extracted. */
  readonly size: number;
  /** Bytes in the archive. */
  readonly compressedSize: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Offset of the entry's local header. */
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the end.
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      return offset;
    }
  }
  throw new Error('not a ZIP archive: no end of central directory record');
}

/** Lists the entries of `zip`; throws when it is not a ZIP archive. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
      throw new Error(`corrupt ZIP central directory at offset ${offset}`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The extracted bytes of the entry `name`; throws when there is none. */
export function readZipFile(zip: Buffer, name: string): Buffer {
  const entry = readZipEntries(zip).find((e) => e.name === name);
  if (!entry) {
    throw new Error(`no ${name} in the archive`);
  }
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
    throw new Error(`corrupt ZIP local header for ${name}`);
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    return Buffer.from(data);
  }
  if (entry.method === 8) {
    return inflateRawSync(data);
  }
  throw new Error(`unsupported compression method ${entry.method} for ${name}`);
}

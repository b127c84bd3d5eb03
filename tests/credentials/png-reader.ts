import { crc32 } from 'node:zlib';

/**
 * A PNG chunk reader written for the tests from the PNG spec (§5.3 chunk layout, §11.3.4.5
 * iTXt), independent of the libraries our baker uses.
 */
export function pngChunks(png: Buffer): Array<{ type: string; data: Buffer; offset: number }> {
  expect8(png);
  const chunks = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length), offset });
    offset += 12 + length;
  }
  return chunks;
}

function expect8(png: Buffer) {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error('not a PNG');
}

/** iTXt: keyword NUL, compression flag, method, language NUL, translated keyword NUL, text. */
export function readItxt(data: Buffer) {
  const k = data.indexOf(0);
  const keyword = data.toString('latin1', 0, k);
  const compressed = data[k + 1];
  const lang = data.indexOf(0, k + 3);
  const translated = data.indexOf(0, lang + 1);
  return { keyword, compressed, text: data.toString('utf8', translated + 1) };
}

/** The same PNG with one iTXt text replaced, CRC recomputed: a well-formed forgery. */
export function replaceItxtText(png: Buffer, from: string, to: string): Buffer {
  const chunk = pngChunks(png).find((c) => c.type === 'iTXt' && readItxt(c.data).keyword === 'openbadgecredential')!;
  const data = Buffer.from(
    chunk.data.toString('latin1').replace(Buffer.from(from).toString('latin1'), Buffer.from(to).toString('latin1')),
    'latin1',
  );
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write('iTXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([
    png.subarray(0, chunk.offset),
    header,
    data,
    crc,
    png.subarray(chunk.offset + 12 + chunk.data.length),
  ]);
}

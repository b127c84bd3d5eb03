import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { encodeSync } from 'png-chunk-itxt';
import { inflateSync } from 'node:zlib';
import { AppError } from '../shared/errors';

/**
 * OB 3.0 "Baked Badge", PNG (OB 3.0 Baked Badge, docformat.md): one iTXt chunk, keyword `openbadgecredential`,
 * compression flag 0, text = the JSON credential or the compact JWS.
 *
 * png-chunk-itxt writes the flag byte as `Number(compressionFlag)`, so `false` gives 0 and the
 * text goes out as plain UTF-8 (checked in its source and in tests/credentials/bake-png.test.ts).
 */
export const PNG_KEYWORD = 'openbadgecredential';

function chunksOf(png: Uint8Array): Array<{ name: string; data: Uint8Array }> {
  try {
    return extractChunks(png);
  } catch {
    // Bad signature, truncated file or CRC mismatch: a corrupted file, not a credential.
    throw new AppError('VERIFY_INPUT_UNREADABLE', 400, { format: 'png' });
  }
}

function isCredentialChunk(chunk: { name: string; data: Uint8Array }): boolean {
  if (chunk.name !== 'iTXt') return false;
  // The keyword is the Latin-1 text up to the first NUL (PNG spec §11.3.4.5).
  const end = chunk.data.indexOf(0);
  return end > 0 && Buffer.from(chunk.data.subarray(0, end)).toString('latin1') === PNG_KEYWORD;
}

/**
 * Bakes `credential` (JSON string or compact JWS) into `png`. An existing credential chunk is
 * replaced, never duplicated: the spec allows one only. The chunk goes just before IEND, so
 * the image data is untouched and readers that stop at IDAT still show the image.
 */
export function bakePng(png: Uint8Array, credential: string): Buffer {
  const chunks = chunksOf(png).filter((chunk) => !isCredentialChunk(chunk));
  const data = encodeSync({
    keyword: PNG_KEYWORD,
    compressionFlag: false,
    compressionMethod: 0,
    languageTag: '',
    translatedKeyword: '',
    text: credential,
  });
  const iend = chunks.findIndex((chunk) => chunk.name === 'IEND');
  chunks.splice(iend < 0 ? chunks.length : iend, 0, { name: 'iTXt', data });
  return Buffer.from(encodeChunks(chunks));
}

/**
 * The text of the first credential chunk (the spec's extraction rule), or undefined.
 *
 * The chunk's fields are read here rather than by png-chunk-itxt's `decodeSync`, which inflates
 * a compressed text with no limit (a 260 kB PNG becomes 256 MB, a 4 MB one 4 GB). The layout
 * (PNG spec §11.3.4.5): keyword NUL, compression flag, compression method, language tag NUL,
 * translated keyword NUL, text. OB 3.0 says the text MUST NOT be compressed; one that is is still
 * read, inflated by zlib with `maxOutputLength`, which stops at the bytes actually produced.
 */
export function extractPngCredential(png: Uint8Array, maxTextBytes = 4 * 1_048_576): string | undefined {
  const chunk = chunksOf(png).find(isCredentialChunk);
  if (!chunk) return undefined;
  const unreadable = () => new AppError('VERIFY_INPUT_UNREADABLE', 400, { format: 'PNG' });
  const data = Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
  const keywordEnd = data.indexOf(0);
  const compressed = data[keywordEnd + 1];
  const method = data[keywordEnd + 2];
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || (compressed !== 0 && compressed !== 1) || (compressed === 1 && method !== 0))
    throw unreadable();
  let text = data.subarray(translatedEnd + 1);
  if (compressed === 1) {
    try {
      text = inflateSync(text, { maxOutputLength: maxTextBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxTextBytes);
      throw unreadable();
    }
  }
  if (text.byteLength > maxTextBytes) throw tooLarge(maxTextBytes);
  return new TextDecoder().decode(text);
}

const tooLarge = (max: number) =>
  new AppError('VERIFY_INPUT_TOO_LARGE', 413, { format: 'PNG', kilobytes: Math.ceil(max / 1024) });

export function isPng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length >= 8 && signature.every((byte, i) => bytes[i] === byte);
}

/**
 * The README screenshots' PNG codec: Chromium's 8-bit RGB(A) PNG decoded, reduced to 256 colours and
 * re-encoded at the strongest deflate (docs-screenshots.ts).
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** Pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes), as RGB. */
function decode(file: Buffer): { width: number; height: number; rgb: Buffer } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0 || (data[9] !== 2 && data[9] !== 6)) throw new Error('unexpected PNG layout');
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      out[y * stride + x] = (v + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  if (channels === 3) return { width, height, rgb: out };
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < out.length; i += 4, j += 3) out.copy(rgb, j, i, i + 3);
  return { width, height, rgb };
}

/**
 * 256 colours: the most frequent ones (flat UI colours dominate a screenshot), every pixel then
 * mapped to the nearest. Text edges lose a little smoothness; the file shrinks by half or more.
 */
function quantise(rgb: Buffer): { palette: Buffer; indexes: Buffer } {
  const counts = new Map<number, number>();
  for (let i = 0; i < rgb.length; i += 3) {
    const c = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const colours = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 256)
    .map(([c]) => c);
  const palette = Buffer.alloc(colours.length * 3);
  colours.forEach((c, i) => {
    palette[i * 3] = c >> 16;
    palette[i * 3 + 1] = (c >> 8) & 0xff;
    palette[i * 3 + 2] = c & 0xff;
  });
  const nearest = new Map<number, number>();
  const indexes = Buffer.alloc(rgb.length / 3);
  for (let i = 0, p = 0; i < rgb.length; i += 3, p++) {
    const c = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    let best = nearest.get(c);
    if (best === undefined) {
      let distance = Infinity;
      for (let k = 0; k < colours.length; k++) {
        const dr = rgb[i]! - palette[k * 3]!;
        const dg = rgb[i + 1]! - palette[k * 3 + 1]!;
        const db = rgb[i + 2]! - palette[k * 3 + 2]!;
        // Green weighs most for the eye.
        const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (d < distance) {
          distance = d;
          best = k;
        }
      }
      nearest.set(c, best!);
    }
    indexes[p] = best!;
  }
  return { palette, indexes };
}

/** Chromium's PNG as a 256-colour PNG at the strongest deflate: a README image, small. */
export function toPalettePng(screenshot: Buffer): { width: number; height: number; file: Buffer } {
  const png = decode(screenshot);
  const { palette, indexes } = quantise(png.rgb);
  // One byte per pixel, filter "none" (palette indexes do not predict well), deflate 9.
  const raw = Buffer.alloc((png.width + 1) * png.height);
  for (let y = 0; y < png.height; y++) indexes.copy(raw, y * (png.width + 1) + 1, y * png.width, (y + 1) * png.width);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(png.width, 0);
  ihdr.writeUInt32BE(png.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 3;
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { width: png.width, height: png.height, file };
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc;
}

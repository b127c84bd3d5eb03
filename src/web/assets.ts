import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { projectPath } from '../shared/paths';

const ASSETS_DIR = projectPath('src', 'web', 'assets');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export interface Assets {
  /** `app.css` → `/assets/app.3f9a1c2e.css`: the name changes with the content, so it can be cached for a year. */
  url(name: string): string;
  byHashedName(hashedName: string): Asset | undefined;
}

/** Reads `src/web/assets/` once at start: a handful of small files kept in memory. */
export async function loadAssets(): Promise<Assets> {
  const urls = new Map<string, string>();
  const files = new Map<string, Asset>();
  for (const name of await readdir(ASSETS_DIR)) {
    const ext = extname(name);
    const type = TYPES[ext];
    if (!type) continue;
    const body = await readFile(join(ASSETS_DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const hashed = `${name.slice(0, -ext.length)}.${hash}${ext}`;
    urls.set(name, `/assets/${hashed}`);
    files.set(hashed, { body, type, etag: `"${hash}"` });
  }
  return {
    url(name) {
      const url = urls.get(name);
      if (!url) throw new Error(`unknown asset ${name}`);
      return url;
    },
    byHashedName: (hashed) => files.get(hashed),
  };
}

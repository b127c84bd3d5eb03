import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Db } from './client';

interface PgliteLike {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/**
 * COPY rows into a table on the connection of `tx` (inside its transaction): the fastest way
 * PostgreSQL takes bulk data. drizzle keeps that connection as `session.client` — a pg client
 * on a server, a PGlite transaction when embedded (which reads COPY data from '/dev/blob').
 */
export async function copyRows(tx: Db, table: string, columns: string[], rows: unknown[][]) {
  if (rows.length === 0) return;
  const csv = Papa.unparse(rows, { newline: '\n' });
  const target = `${table} (${columns.join(', ')})`;
  const client = (tx as unknown as { session: { client: pg.ClientBase | PgliteLike } }).session.client;
  if (client instanceof pg.Client) {
    await pipeline(Readable.from([csv]), client.query(copyStreams.from(`copy ${target} from stdin with (format csv)`)));
    return;
  }
  await (client as PgliteLike).query(`copy ${target} from '/dev/blob' with (format csv)`, [], {
    blob: new Blob([csv]),
  });
}

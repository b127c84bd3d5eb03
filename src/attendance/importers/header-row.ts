import { delimiterCandidates, sampleRows } from './csv';
import { createDecoder, detectCharset } from './decode';
import { mostHeaderLike } from './detect';
import { looksLikeXlsx, workbookToCsv } from './workbook';

/**
 * The column names of a file in no known layout, for a person to map: the row that looks most
 * like a header, read as the importer reads the file (charset, delimiter, workbook). `complete`
 * says whether `bytes` is the whole file; a workbook can only be read whole.
 */
export async function headerRow(bytes: Buffer, complete: boolean): Promise<string[]> {
  if (bytes.length === 0) return [];
  let text: string;
  if (looksLikeXlsx(bytes)) {
    if (!complete) return [];
    text = await workbookToCsv(bytes);
  } else {
    text = createDecoder(detectCharset(bytes, complete).encoding).write(bytes);
  }
  return mostHeaderLike(sampleRows(text, complete, delimiterCandidates(text)[0]!));
}

import { AppError } from '../../shared/errors';
import type { Interval } from '../presence';
import { buildAnalysis } from './analysis';
import { streamRows } from './csv';
import { DateReader } from './dates';
import { createDecoder, detectCharset, looksBinary } from './decode';
import { detectFormat } from './detect';
import { isBlankRow } from './headers';
import { ByteSource } from './source';
import type { ImportAnalysis, ImportContext, ParseOptions, Params, Warning } from './types';
import { isValidTimeZone } from './zoned-time';
import { looksLikeXlsx, workbookToCsv } from './workbook';

export type { ImportAnalysis, ImportedPerson, ImportFormat, MappedField, ParseOptions } from './types';

const SAMPLE_BYTES = 64 * 1024;
const PROGRESS_EVERY = 5000;

/**
 * Reads an attendance export exactly as the tool produced it (format, charset and delimiter are
 * recognised from the bytes) and decides who attended. Streams: rows are aggregated per e-mail
 * as they arrive. Fatal problems throw `AppError`; row problems are listed in `errors`.
 */
export async function parseAttendance(
  input: Buffer | AsyncIterable<Buffer>,
  options: ParseOptions,
): Promise<ImportAnalysis> {
  const { timezone, lang, eventWindow } = checkOptions(options);
  const source = new ByteSource(input);
  try {
    const sample = await source.sample(SAMPLE_BYTES);
    if (sample.length === 0) throw new AppError('IMPORT_EMPTY_FILE', 422);
    if (looksLikeXlsx(sample)) {
      // A workbook is read whole (its size is already capped), then imported as the CSV it would save as.
      const csv = await workbookToCsv(Buffer.concat([sample, await source.readAll()]));
      return { ...(await parseAttendance(Buffer.from(csv, 'utf8'), options)), encoding: 'xlsx' };
    }
    const charset = detectCharset(sample, source.done);
    if (source.done) checkUtf16Length(charset, source.bytesRead);
    const decoder = createDecoder(charset.encoding);
    const sampleText = decoder.write(sample);
    if (source.done && sampleText.trim() === '') throw new AppError('IMPORT_EMPTY_FILE', 422);
    if (looksBinary(sampleText)) throw new AppError('IMPORT_BINARY_FILE', 415, { kind: charset.encoding });

    const warnings: Warning[] = [];
    const warn = (code: string, params: Params = {}, line?: number) => warnings.push({ code, params, line });
    const plan = detectFormat(sampleText, source.done, options.mapping);
    if (plan.mappingIgnored) warn('IMPORT_MAPPING_IGNORED', { format: plan.format });
    let reportWindow: Interval | null = null;
    const dates = new DateReader(timezone, eventWindow, warn);
    dates.hint = plan.dateHint;
    dates.prescan(plan.rows);
    const ctx: ImportContext = {
      dates,
      warn,
      setReportWindow: (start, end) => (reportWindow ??= { start, end }),
    };
    const importer = plan.create(ctx);

    let rowsRead = 0;
    let replacementWarned = false;
    const quoteErrors: number[] = [];
    await streamRows(decodeRest(sampleText, source, decoder, charset), plan.delimiter, {
      row(parsed, line) {
        // PostgreSQL text cannot hold U+0000 (a stray NUL past the sniffed sample would fail the
        // commit with a 500): it becomes U+FFFD, which the warning below then reports by line.
        const cells = parsed.some((c) => c.includes('\0')) ? parsed.map((c) => c.replaceAll('\0', '\uFFFD')) : parsed;
        if (isBlankRow(cells)) return;
        rowsRead++;
        if (!replacementWarned && cells.some((c) => c.includes('\uFFFD'))) {
          replacementWarned = true;
          warn('IMPORT_ENCODING_REPLACEMENT', { line, encoding: charset.encoding }, line);
        }
        importer.row(cells, line);
        if (rowsRead % PROGRESS_EVERY === 0) options.onProgress?.(rowsRead, source.bytesRead);
      },
      quoteError(line) {
        rowsRead++;
        quoteErrors.push(line);
      },
    });
    options.onProgress?.(rowsRead, source.bytesRead);
    const sink = importer.finish();
    for (const line of quoteErrors) sink.error(line, 'IMPORT_CSV_QUOTES', {});
    sink.errors.sort((a, b) => a.line - b.line);
    return buildAnalysis({
      format: plan.format,
      encoding: charset.encoding,
      delimiter: plan.delimiter,
      sink,
      warnings,
      rowsRead,
      lang,
      minPresenceRatio: options.minPresenceRatio,
      eventWindow,
      reportWindow,
    });
  } finally {
    await source.close();
  }
}

/** Decoded text: the sample already decoded, then the rest of the bytes through the same decoder. */
async function* decodeRest(
  sampleText: string,
  source: ByteSource,
  decoder: ReturnType<typeof createDecoder>,
  charset: { encoding: string; bomLength: number },
): AsyncGenerator<string> {
  yield sampleText;
  for await (const chunk of source.rest()) yield decoder.write(chunk);
  const tail = decoder.end();
  checkUtf16Length(charset, source.bytesRead);
  if (tail) yield tail;
}

/** iconv silently drops a dangling byte: an odd UTF-16 length means the download was cut. */
function checkUtf16Length(charset: { encoding: string; bomLength: number }, bytes: number): void {
  if (charset.encoding.startsWith('utf-16') && (bytes - charset.bomLength) % 2 !== 0) {
    throw new AppError('IMPORT_UTF16_TRUNCATED', 422, { bytes });
  }
}

function checkOptions(o: ParseOptions) {
  const timezone = o.timezone || 'Europe/Paris';
  if (!isValidTimeZone(timezone)) throw new AppError('IMPORT_TIMEZONE_INVALID', 400, { timezone });
  if (!(o.minPresenceRatio >= 0 && o.minPresenceRatio <= 1))
    throw new AppError('IMPORT_RATIO_INVALID', 400, { value: String(o.minPresenceRatio) });
  let eventWindow: Interval | null = null;
  if (o.window) {
    const start = o.window.startsAt?.getTime?.();
    const end = o.window.endsAt?.getTime?.();
    if (!Number.isFinite(start) || !Number.isFinite(end) || end! <= start!)
      throw new AppError('IMPORT_WINDOW_INVALID', 400);
    eventWindow = { start: start!, end: end! };
  }
  return { timezone, lang: o.lang === 'en' ? ('en' as const) : ('fr' as const), eventWindow };
}

import type { AreaWeb } from '../../web/web.plugin';
import { importPages } from './import.routes';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { importResultText } from './import-result.text';

/** Attendance imports: upload, column mapping, preview, result, unmatched rows. */
export const attendanceWeb: AreaWeb = {
  organiser: [importPages],
  texts: [importText, importMappingText, importResultText],
};

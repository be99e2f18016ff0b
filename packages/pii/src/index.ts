export { type CsvEncoding, type MaskCsvOptions, type MaskedCsv, maskCsv } from './csv.js';
export { type Finding, type FindingKind, findPersonalData } from './detect.js';
export { maskPhone } from './display.js';
export { isPiiError, PII_ERROR_CODES, PiiError, type PiiErrorCode, piiErrors } from './errors.js';
export { loadExcelJs } from './excel.js';
export { isNameHeader, isNumberHeader } from './headers.js';
export { idCardCheckChar, isValidIdCard } from './id-card.js';
export { DEFAULT_LIMITS, type FileLimits } from './limits.js';
export { isBankCard, isLuhn } from './luhn.js';
export { type MaskOptions, maskPersonalData } from './mask.js';
export { maskName, maskNameList } from './names.js';
export { type Cell, cellText, type MaskedTable, type MaskTableOptions, maskTable } from './table.js';
export { type MaskedTableFile, type MaskTableFileOptions, maskTableFile } from './table-file.js';
export {
  type MaskedSheet,
  type MaskedXlsx,
  type MaskXlsxOptions,
  maskXlsx,
  type ReadXlsx,
  readXlsx,
} from './xlsx.js';

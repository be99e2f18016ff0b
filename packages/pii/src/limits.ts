/** How much of a file the readers accept: uploads come from anyone with a cadre account. */

export interface FileLimits {
  /** Size of the uploaded file. Default 10 MiB. */
  maxBytes?: number;
  /** Rows of all sheets together. Default 50,000. */
  maxRows?: number;
  /** Columns of any sheet. Default 200. */
  maxColumns?: number;
  /** An .xlsx file's parts once unzipped, against zip bombs. Default 64 MiB. */
  maxUnpackedBytes?: number;
}

export const DEFAULT_LIMITS: Required<FileLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  maxUnpackedBytes: 64 * 1024 * 1024,
};

export function limitsOf(options: FileLimits): Required<FileLimits> {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_LIMITS.maxUnpackedBytes,
  };
}

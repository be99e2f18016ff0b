/**
 * The name patterns of the host API. A name that fails one is refused by the SDK before anything is
 * sent (`SDK_ERR_INVALID_ARGUMENT`) and by the shell server again (`SHELL_ERR_INVALID_ARGUMENT`).
 */

/** Store collections and form ids: a lower-case letter, then lower-case letters, digits and `-`; ≤ 63. */
export const COLLECTION_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Document, media and household ids: URL-safe, ≤ 128 characters. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A standard module's id in `/api/modules/<id>` (`complaints` for `@cunmen/complaints`). */
export const MODULE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

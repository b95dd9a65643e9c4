/** How large a file the import takes: in a module of its own, which the page's panel imports. */

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

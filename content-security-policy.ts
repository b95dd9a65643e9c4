/**
 * The page's Content-Security-Policy: its own origin only. Workers (MapLibre's, the import's)
 * come from the origin; `blob:` is an imported layer's data, which the map's worker reads, and
 * the files the page saves; `data:` is the empty favicon.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

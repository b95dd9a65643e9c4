/**
 * The page's Content-Security-Policy: its own origin only. Workers (MapLibre's, the import's)
 * come from the origin; `blob:` is the files the page saves; `data:` is the empty favicon.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

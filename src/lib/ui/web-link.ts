/**
 * A property's value as a link, where it is a web address: only http: and https: (never
 * javascript:, data: or anything else a file might hold), and only the whole value.
 */
export function webLink(value: unknown): string | null {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

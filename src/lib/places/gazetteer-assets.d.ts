/** A file imported with `?gzip` (scripts/gzipped-asset.ts): the URL of its gzip-compressed copy. */
declare module '*?gzip' {
  const url: string;
  export default url;
}

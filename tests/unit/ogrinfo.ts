/**
 * What GDAL makes of a GeoJSON file (`ogrinfo -al`), as QGIS would: how many features, and the
 * `citation` field of each as GDAL reads it. Without ogrinfo (Debian's gdal-bin, which .ci/run
 * installs) this fails, saying so: a test that needs it is never skipped.
 */
import { execFile } from 'node:child_process';

export interface OgrinfoReading {
  featureCount: number;
  /** The `citation (String) = ...` value of each feature, in file order. */
  citations: string[];
}

const OGRINFO = 'ogrinfo';

export function citationsSeenByOgrinfo(file: string): Promise<OgrinfoReading> {
  return new Promise((resolve, reject) => {
    execFile(
      OGRINFO,
      ['-al', '-ro', file],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new Error(
              missing
                ? `${OGRINFO} is not installed: apt-get install gdal-bin (.ci/run installs it)`
                : `${OGRINFO} -al ${file} failed: ${stderr || error.message}`,
            ),
          );
          return;
        }
        const count = /^Feature Count: (\d+)$/m.exec(stdout);
        resolve({
          featureCount: count ? Number(count[1]) : NaN,
          citations: [...stdout.matchAll(/^ {2}citation \(String\) = (.*)$/gm)].map(
            (match) => match[1]!,
          ),
        });
      },
    );
  });
}

/**
 * What a PDF holds, read by poppler-utils (Debian's `pdfinfo`, `pdftotext`, `pdfimages`, which
 * .ci/run installs): its page count, its text, its pictures. Without them this fails, saying so:
 * a test that needs them is never skipped.
 */
import { execFile } from 'node:child_process';

function run(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new Error(
          missing
            ? `${tool} is not installed: apt-get install poppler-utils (.ci/run installs it)`
            : `${tool} ${args.join(' ')} failed: ${stderr || error.message}`,
        ),
      );
    });
  });
}

export interface PdfContents {
  pages: number;
  /** The text of every page, each run of white space one space. */
  text: string;
  images: { page: number; width: number; height: number; bytes: string }[];
}

export async function readPdf(file: string): Promise<PdfContents> {
  const info = await run('pdfinfo', [file]);
  const text = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const list = await run('pdfimages', ['-list', file]);
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  const images = list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns.length >= 15 && columns[2] === 'image')
    .map((columns) => ({
      page: Number(columns[0]),
      width: Number(columns[3]),
      height: Number(columns[4]),
      bytes: columns[14]!,
    }));
  return {
    pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1] ?? NaN),
    text: text.replace(/\s+/g, ' ').trim(),
    images,
  };
}

/**
 * pdf.js in the page: its browser build, and its worker a file of the page's own origin (the
 * build emits it as an asset), which the page's policy allows. Loaded only when a PDF is opened.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };

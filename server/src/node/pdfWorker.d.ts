/** The worker module of `pdfjs-dist` ships without types; only its `WorkerMessageHandler` is handed to pdfjs. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

// pdfjs-dist ships no types for its worker module; we use only this entry point of it.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Serve pdf.js requests arriving on `port` (the worker end of a message channel). */
    initializeFromPort(port: unknown): void;
  };
}

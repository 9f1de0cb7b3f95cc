// Small PDFs drawn with pdfkit at known positions, for the PDF extractor's tests.
import PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

/** The bytes of an A4 PDF (50pt margins unless `options` say otherwise) drawn by `draw`. */
export function makePdf(draw: (doc: Doc) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

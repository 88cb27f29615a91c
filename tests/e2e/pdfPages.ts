// A printed PDF read back as a person's printer would see it: each page rendered to pixels by
// pdf.js (not Chromium, which printed it), its QR codes decoded by jsQR, its text and font sizes read.
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Pixels per PDF point: 2.5 is 180 dpi, plenty for a QR code's modules. */
const SCALE = 2.5;
/** A page holds few codes (two on a booth poster): bounded, in case a decoder finds the same one again. */
const MAX_CODES_PER_PAGE = 6;

export interface PdfPage {
  width: number;
  height: number;
  /** The text of each run on the page, with its font size in points. */
  text: { str: string; size: number }[];
  /** Every QR code found on the page, read out. */
  codes: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: SCALE });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = 'white';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      const content = await page.getTextContent();
      const text = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, size: Math.hypot(item.transform[2]!, item.transform[3]!) }] : []));
      pages.push({ width, height, text, codes: decodeAll(context.getImageData(0, 0, canvas.width, canvas.height)) });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** Decodes a code, paints over it, and looks again: jsQR reads one code per call. */
function decodeAll(image: { data: Uint8ClampedArray; width: number; height: number }): string[] {
  const codes: string[] = [];
  const pixels = new Uint8ClampedArray(image.data);
  for (let i = 0; i < MAX_CODES_PER_PAGE; i++) {
    const found = jsQR(pixels, image.width, image.height);
    if (!found) break;
    codes.push(found.data);
    const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = found.location;
    const xs = [a.x, b.x, c.x, d.x];
    const ys = [a.y, b.y, c.y, d.y];
    const pad = 30; // the finder patterns' outer edge lies beyond the corners jsQR reports
    for (let y = Math.max(0, Math.floor(Math.min(...ys)) - pad); y < Math.min(image.height, Math.ceil(Math.max(...ys)) + pad); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...xs)) - pad); x < Math.min(image.width, Math.ceil(Math.max(...xs)) + pad); x++) {
        pixels.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 4);
      }
    }
  }
  return codes;
}

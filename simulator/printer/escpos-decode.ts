/**
 * Reads back the ESC/POS a receipt printer would receive: text (decoded with the code page the bytes
 * selected), emphasis, barcodes and QR codes, cuts and drawer pulses. For the fake network printer
 * (tests and training); it understands the commands @point-of-sale/receipt-printer-encoder emits and
 * skips the rest by their documented lengths, counting what it did not know.
 */
import iconv from 'iconv-lite';

/** One printed line. */
export interface PrintedLine {
  text: string;
  /** Some of the line was bold. */
  bold: boolean;
  /** The largest character magnification on the line (1 or 2): the encoder resets size before the newline. */
  width: number;
  height: number;
}

/** What a job put on paper and asked of the printer. */
export interface DecodedJob {
  lines: PrintedLine[];
  cuts: number;
  /** Drawer kicks (ESC p). */
  pulses: number;
  barcodes: string[];
  qrCodes: string[];
  images: number;
  /** ESC t values seen, as code page names. */
  codePages: string[];
  /** Bytes that started a command this decoder does not know. */
  unknown: number[];
}

// ESC t n → code page, for the pages Epson-compatible printers number this way (Epson's table).
const CODE_PAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 16: 'win1252', 19: 'cp858' };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** Decodes a whole job. */
export function decodeEscPos(bytes: Uint8Array): DecodedJob {
  const job: DecodedJob = {
    lines: [],
    cuts: 0,
    pulses: 0,
    barcodes: [],
    qrCodes: [],
    images: 0,
    codePages: [],
    unknown: [],
  };
  let codePage = 'cp437';
  let bold = false;
  let width = 1;
  let height = 1;
  let text: number[] = [];
  // The line's text in earlier code pages, when the page changed within the line.
  let decoded = '';
  let lineBold = false;
  let lineWidth = 1;
  let lineHeight = 1;
  let i = 0;
  const at = (offset: number) => bytes[i + offset] ?? 0;
  const flush = () => {
    job.lines.push({
      text: decoded + iconv.decode(Buffer.from(text), codePage),
      bold: lineBold,
      width: lineWidth,
      height: lineHeight,
    });
    text = [];
    decoded = '';
    lineBold = false;
    lineWidth = lineHeight = 1;
  };
  // Text so far keeps its own code page: a switch mid-line decodes only what follows with the new one.
  const switchPage = (page: string) => {
    decoded += iconv.decode(Buffer.from(text), codePage);
    text = [];
    codePage = page;
  };
  while (i < bytes.length) {
    const b = at(0);
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === ESC) {
      const c = at(1);
      if (c === 0x40) {
        bold = false;
        width = height = 1;
        i += 2;
      } else if (c === 0x74) {
        const page = CODE_PAGES[at(2)] ?? 'cp437';
        job.codePages.push(page);
        switchPage(page);
        i += 3;
      } else if (c === 0x45 || c === 0x47) {
        bold = at(2) === 1;
        i += 3;
      } else if (c === 0x21) {
        const mode = at(2);
        bold = (mode & 0x08) !== 0;
        height = mode & 0x10 ? 2 : 1;
        width = mode & 0x20 ? 2 : 1;
        i += 3;
      } else if (c === 0x64) {
        flush();
        for (let n = 1; n < at(2); n++) flush();
        i += 3;
      } else if (c === 0x70) {
        job.pulses += 1;
        i += 5;
      } else if (c === 0x69 || c === 0x6d) {
        job.cuts += 1;
        i += 2;
      } else if (c === 0x2a) {
        const dots = at(3) + at(4) * 256;
        job.images += 1;
        i += 5 + dots * (at(2) >= 32 ? 3 : 1);
      } else if (c === 0x32) i += 2;
      else if ([0x2d, 0x61, 0x4d, 0x4a, 0x33, 0x56, 0x7b, 0x72, 0x20, 0x52, 0x34, 0x63].includes(c)) i += 3;
      else {
        job.unknown.push(b, c);
        i += 2;
      }
    } else if (b === GS) {
      const c = at(1);
      if (c === 0x56) {
        job.cuts += 1;
        i += at(2) >= 65 ? 4 : 3;
      } else if (c === 0x21) {
        const size = at(2);
        width = (size >> 4) + 1;
        height = (size & 0x0f) + 1;
        i += 3;
      } else if (c === 0x6b) {
        const m = at(2);
        if (m <= 6) {
          let end = i + 3;
          while (end < bytes.length && bytes[end] !== 0) end++;
          job.barcodes.push(Buffer.from(bytes.subarray(i + 3, end)).toString('latin1'));
          i = end + 1;
        } else {
          const n = at(3);
          const data = Buffer.from(bytes.subarray(i + 4, i + 4 + n)).toString('latin1');
          // CODE128 data starts with its code set ("{B"): the value is what follows.
          job.barcodes.push(m === 73 ? data.replace(/^\{[ABC]/, '') : data);
          i += 4 + n;
        }
      } else if (c === 0x28) {
        const fn = at(2);
        const length = at(3) + at(4) * 256;
        // GS ( k <cn 49> <fn 80>: store the QR code's data.
        if (fn === 0x6b && at(5) === 49 && at(6) === 80) {
          job.qrCodes.push(Buffer.from(bytes.subarray(i + 8, i + 5 + length)).toString('latin1'));
        }
        if (fn === 0x4c) job.images += 1;
        i += 5 + length;
      } else if (c === 0x76 && at(2) === 0x30) {
        const bytesWide = at(4) + at(5) * 256;
        const rows = at(6) + at(7) * 256;
        job.images += 1;
        i += 8 + bytesWide * rows;
      } else if (c === 0x4c || c === 0x57) i += 4;
      else if ([0x42, 0x68, 0x77, 0x48, 0x66, 0x61, 0x72].includes(c)) i += 3;
      else {
        job.unknown.push(b, c);
        i += 2;
      }
    } else if (b === FS) {
      const c = at(1);
      i += c === 0x43 ? 3 : 2;
    } else {
      if (b >= 0x20 || b === 0x09) {
        text.push(b === 0x09 ? 0x20 : b);
        if (bold) lineBold = true;
        lineWidth = Math.max(lineWidth, width);
        lineHeight = Math.max(lineHeight, height);
      }
      i += 1;
    }
  }
  if (text.length > 0 || decoded) flush();
  return job;
}

/** The job as a trainee reads it: the paper's lines, then codes, pulses and cuts in words. */
export function renderJobText(job: DecodedJob): string {
  const out = job.lines.map((line) => line.text);
  for (const code of job.barcodes) out.push(`[código de barras: ${code}]`);
  for (const code of job.qrCodes) out.push(`[código QR: ${code}]`);
  if (job.images) out.push(`[imágenes: ${job.images}]`);
  if (job.pulses) out.push(`[cajón abierto × ${job.pulses}]`);
  if (job.cuts) out.push(`✂ corte × ${job.cuts}`);
  return out.join('\n');
}

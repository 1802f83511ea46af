/** The optional logo: a stored one-bit image prints as a raster image above the ticket (issue 15). */
import { describe, expect, it } from 'vitest';
import { encodeEscPos, logoImage } from '../../../../app/infra/printer/escpos-receipt';
import { isPrinterLogo } from '../../../../app/domain/printer';
import { decodeEscPos } from '../../../../simulator/printer/escpos-decode';
import { printedReceipt } from '../../../../app/services/printing/receipt-document';
import { sampleReceipt } from '../../../support/printing/sample-receipt';

describe('the ticket logo', () => {
  const width = 64;
  const height = 16;
  // A black bar on the top half, white below.
  const bytes = Buffer.alloc((width / 8) * height, 0);
  bytes.fill(0xff, 0, (width / 8) * (height / 2));
  const logo = { width, height, bits: bytes.toString('base64') };

  it('accepts only the stored shape', () => {
    expect(isPrinterLogo(logo)).toBe(true);
    expect(isPrinterLogo({ ...logo, width: 60 })).toBe(false);
    expect(isPrinterLogo({ ...logo, bits: 'AAAA' })).toBe(false);
    expect(isPrinterLogo({ ...logo, width: 400 })).toBe(false);
  });

  it('unpacks black dots as black pixels', () => {
    const image = logoImage(logo);
    expect([...image.data.slice(0, 4)]).toEqual([0, 0, 0, 255]);
    expect([...image.data.slice(-4)]).toEqual([255, 255, 255, 255]);
  });

  it('prints as one image before the text, and the ticket keeps its one cut', () => {
    const document = printedReceipt(sampleReceipt({ paperWidth: 58 }));
    const job = decodeEscPos(encodeEscPos(document, { openDrawer: false, cut: true, logo: logoImage(logo) }));
    expect(job.images).toBe(1);
    expect(job.cuts).toBe(1);
    expect(job.unknown).toEqual([]);
    expect(job.lines.map((l) => l.text).join('\n')).toContain('Este ticket no es un comprobante');
  });
});

import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URI: an `<img>` the CSP allows (`img-src data:`), with an alt text,
 * and no inline style or script. Dark on white with a quiet zone, as phone cameras prefer.
 */
export async function qrDataUri(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#1b2430', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

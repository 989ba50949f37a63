import sharp from 'sharp'

/**
 * Demo pictures drawn from SVG (no downloads): a sky gradient, a sun and layered hills in
 * a palette picked from the seed, so every demo article gets a distinct, recognisable image.
 */
const palettes = [
  ['#0b3d91', '#f4a259', '#2a9d8f', '#264653'],
  ['#6a040f', '#ffba08', '#9d0208', '#370617'],
  ['#023e8a', '#90e0ef', '#0077b6', '#03045e'],
  ['#283618', '#fefae0', '#606c38', '#dda15e'],
  ['#3a0ca3', '#f72585', '#4361ee', '#7209b7'],
  ['#005f73', '#ee9b00', '#0a9396', '#94d2bd'],
]

export async function demoImage(seed: number, width = 1600, height = 1000): Promise<Buffer> {
  const [sky, sun, hill, far] = palettes[seed % palettes.length]!
  const sunX = 200 + ((seed * 277) % (width - 400))
  const wave = (y: number, amp: number, phase: number) =>
    Array.from({ length: 9 }, (_, i) => {
      const x = (i * width) / 8
      return `${x},${Math.round(y + Math.sin(i + phase + seed) * amp)}`
    }).join(' ')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${sun}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${sunX}" cy="${height * 0.35}" r="${height * 0.12}" fill="${sun}" opacity="0.9"/>
    <polygon points="0,${height} ${wave(height * 0.62, 40, 0)} ${width},${height}" fill="${far}" opacity="0.85"/>
    <polygon points="0,${height} ${wave(height * 0.78, 30, 2)} ${width},${height}" fill="${hill}"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

/**
 * WCAG 2.x contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), used to refuse
 * accent colours that would make white-on-accent or accent-on-white text unreadable.
 */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

function channel(c: number): number {
  const s = c / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}

export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export const MIN_TEXT_CONTRAST = 4.5

/** true, or the message an editor sees: which ratio the colour got against white. */
export function validateAccentColour(value: unknown): true | string {
  if (value == null || value === '') return true
  if (typeof value !== 'string' || !HEX_COLOUR.test(value)) return `Accent colour must be a hex colour such as #1f5fa8 (got "${String(value)}").`
  // White text on the accent and accent text on white have the same ratio (two colours, one ratio).
  const ratio = contrastRatio(value, '#ffffff')
  const shown = Math.floor(ratio * 100) / 100
  return ratio >= MIN_TEXT_CONTRAST
    ? true
    : `Accent colour ${value} has a contrast ratio of ${shown.toFixed(2)}:1 with white; text needs at least ${MIN_TEXT_CONTRAST}:1 (WCAG AA). Choose a darker colour.`
}

import { describe, expect, it } from 'vitest'
import { parseDocument } from 'htmlparser2'
import { findAll, textContent } from 'domutils'
import { ALERT_MARKER, alertBannerHtml, withBanner } from '../../site-server/alerts'
import { corpus } from '../helpers/xssCorpus'

/** Alert texts reach every served page through the site server: the XSS corpus must stay text. */
describe('emergency alert banner', () => {
  const now = new Date('2026-11-23T10:00:00Z')
  const file = (text: string) => ({
    mission: 'au-canberra',
    defaultLocale: 'vi',
    timeZone: 'Australia/Sydney',
    writtenAt: now.toISOString(),
    alerts: [{ id: 1, severity: 'warning', startsAt: '2026-11-23T09:00:00Z', expiresAt: '2026-11-24T09:00:00Z', text: { vi: text, en: text } }],
  })

  it.each(corpus)('%s is shown as text', (input) => {
    const html = alertBannerHtml(file(input), 'en', now)
    const elements = findAll(() => true, parseDocument(html).children)
    expect(elements.map((e) => e.name).sort()).toEqual(['div', 'p', 'small', 'span', 'strong'])
    for (const e of elements) for (const name of Object.keys(e.attribs)) expect(name).not.toMatch(/^on/i)
    expect(textContent(parseDocument(html))).toContain(input)
  })

  it("puts `$&`, `$``, `$'` and `$1` into the page as written, not as replacement patterns", () => {
    const text = "Gọi $& ngay, $` hoặc $' và $1 $$"
    const page = `<!doctype html><html lang="en"><head><title>Trang</title></head><body>${ALERT_MARKER}<main>Nội dung</main></body></html>`
    const html = withBanner(page, alertBannerHtml(file(text), 'en', now))
    const doc = parseDocument(html)
    expect(textContent(findAll((e) => e.attribs.class?.startsWith('mp-alert') ?? false, doc.children))).toContain(text)
    // A replacement string would have copied the page's head (`$``) or its tail (`$'`) into the banner.
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(html.match(/<main>/g)).toHaveLength(1)
    expect(html).not.toContain(ALERT_MARKER)
  })

  it('shows nothing once the alert has expired', () => {
    expect(alertBannerHtml(file('Bão lớn'), 'vi', new Date('2026-11-25T00:00:00Z'))).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { parseDocument } from 'htmlparser2'
import { findAll } from 'domutils'
import { sanitizeBodyHtml } from '../../pipeline/sanitize'
import { withFoldedCopy } from '../../pipeline/searchIndex'
import { corpus } from '../helpers/xssCorpus'

/** Article bodies reach the public site only through sanitizeBodyHtml: an XSS corpus must come out inert. */

describe('article body sanitising', () => {
  it.each(corpus)('%s renders inert', (input) => {
    const out = sanitizeBodyHtml(`<p>before</p>${input}<p>after</p>`)
    const elements = findAll(() => true, parseDocument(out).children)
    for (const e of elements) {
      expect(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'button', 'base', 'meta', 'img']).not.toContain(e.name)
      for (const [name, value] of Object.entries(e.attribs)) {
        expect(name).not.toMatch(/^on/i)
        expect(name).not.toBe('style')
        if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|tel:)/)
      }
    }
    expect(out).toContain('<p>before</p>') // (an unclosed <style> may swallow what follows: inert, if lossy)
  })

  it('keeps what editors legitimately write, including lang on foreign fragments', () => {
    const html = '<p>Xem <a href="https://example.org/a?b=1&amp;c=2">liên kết</a> và <span lang="en">Embassy</span>.</p>'
    expect(sanitizeBodyHtml(html)).toBe(html)
  })
})

describe('search folding', () => {
  it('adds a đ→d copy of the indexed article text, leaving the visible page unchanged', () => {
    const html = '<main><article data-pagefind-body><h1>Đại sứ quán</h1><p data-pagefind-ignore>Menu đ</p><p>Đồng bào</p></article></main>'
    const out = withFoldedCopy(html)
    expect(out.startsWith('<main><article data-pagefind-body><h1>Đại sứ quán</h1>')).toBe(true)
    expect(out).toContain('<div data-pagefind-weight="0.5"> Dại sứ quán Dồng bào </div></article>')
    expect(withFoldedCopy('<article data-pagefind-body>Embassy</article>')).toBe('<article data-pagefind-body>Embassy</article>')
  })
})

import { describe, expect, it } from 'vitest'
import { parseDocument } from 'htmlparser2'
import { findAll } from 'domutils'
import { sanitizeBodyHtml } from '../../pipeline/sanitize'
import { indexedElement, searchDocument, withFoldedCopy } from '../../pipeline/searchIndex'
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
  it('adds a đ→d copy of the indexed words with đ (in order, repeats kept), leaving the visible page unchanged', () => {
    const element = '<article data-pagefind-body><h1>Đại sứ quán</h1><p data-pagefind-ignore>Menu đ</p><p>Đồng bào, “đại” hội (Đà Nẵng).</p></article>'
    const out = withFoldedCopy(element)
    expect(out.startsWith('<article data-pagefind-body><h1>Đại sứ quán</h1><p data-pagefind-ignore>Menu đ</p><p>Đồng bào')).toBe(true)
    // Words without đ already match accent-free queries through Pagefind's folding: not copied.
    expect(out).toContain('<div data-pagefind-weight="0.5">Dại Dồng dại Dà</div></article>')
    expect(withFoldedCopy('<article data-pagefind-body>Embassy</article>')).toBe('<article data-pagefind-body>Embassy</article>')
  })
})

describe('what Pagefind is sent', () => {
  it('is the data-pagefind-body element alone, up to its own closing tag', () => {
    const page =
      '<html><head><title>x</title></head><body><nav><h1>Menu</h1></nav><div class="a" data-pagefind-body><div><h1>Title</h1></div><p>Text</p></div><footer><div>Footer</div></footer></body></html>'
    expect(indexedElement(page)).toBe('<div class="a" data-pagefind-body><div><h1>Title</h1></div><p>Text</p></div>')
    expect(searchDocument(page)).toBe('<html><body><div class="a" data-pagefind-body><div><h1>Title</h1></div><p>Text</p></div></body></html>')
  })

  it('skips pages without an indexed element', () => {
    expect(searchDocument('<html><body><main><h1>Search</h1></main></body></html>')).toBeNull()
  })
})

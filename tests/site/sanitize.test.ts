import { describe, expect, it } from 'vitest'
import { parseDocument } from 'htmlparser2'
import { findAll } from 'domutils'
import { sanitizeBodyHtml } from '../../pipeline/sanitize'
import { withFoldedCopy } from '../../pipeline/searchIndex'

/** Article bodies reach the public site only through sanitizeBodyHtml: an XSS corpus must come out inert. */
const corpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example/x">x</a>',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">x</p>',
  '<svg onload=alert(1)><circle /></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil.example"><input name=q><button>go</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<style>body{display:none}</style>',
  '<span lang="en" onmouseover="alert(1)">hi</span>',
]

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

import sanitizeHtml from 'sanitize-html'

/**
 * Rich text reaches the public site only through this allow-list: no scripts, no event
 * handlers, no inline styles, and links limited to http(s), mailto and tel.
 */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'ul',
      'ol',
      'li',
      'blockquote',
      'a',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'code',
      'pre',
      'br',
      'hr',
      'sub',
      'sup',
      'span',
    ],
    allowedAttributes: { a: ['href', 'rel', 'target', 'lang'], span: ['lang'], p: ['lang'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
      }),
    },
  })
}

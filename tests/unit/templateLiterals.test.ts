import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from '@astrojs/compiler-rs'

/**
 * Every word and separator a reader sees comes from locales/*.json, so a new language is a
 * new JSON file and nothing else: the site's templates may not carry text of their own — not
 * even punctuation such as " · " or ": ", which differs between languages (Arabic "،").
 * Astro's own parser finds the template text, so this checks what Astro would render.
 */
const siteSrc = path.resolve(import.meta.dirname, '../../site/src')
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? templates(path.join(dir, d.name)) : d.name.endsWith('.astro') ? [path.join(dir, d.name)] : [],
  )

const READ_ATTRIBUTES = new Set(['title', 'alt', 'aria-label', 'aria-description', 'placeholder', 'label'])

type Node = { type?: string; value?: unknown; start?: number; [key: string]: unknown }

/** Text of the template that would reach the page: JSX text, and strings rendered as children. */
export function literalTexts(source: string): string[] {
  const { ast } = parse(source)
  const found: string[] = []
  // A string in child position ({cond && ' — '}, {a ? 'x' : y}) is rendered as text, unlike one in an attribute or a call.
  const rendered = (expr: Node | undefined): void => {
    if (!expr) return
    if (expr.type === 'Literal' && typeof expr.value === 'string' && expr.value.trim()) found.push(expr.value)
    if (expr.type === 'TemplateLiteral')
      for (const q of expr.quasis as Node[]) if ((q.value as { cooked: string }).cooked.trim()) found.push((q.value as { cooked: string }).cooked)
    if (expr.type === 'LogicalExpression') rendered(expr.right as Node)
    if (expr.type === 'ConditionalExpression') (rendered(expr.consequent as Node), rendered(expr.alternate as Node))
    if (expr.type === 'ParenthesizedExpression') rendered(expr.expression as Node)
  }
  const walk = (node: unknown, childPosition: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, childPosition))
    if (!node || typeof node !== 'object') return
    const n = node as Node
    if (n.type === 'JSXText' && typeof n.value === 'string' && n.value.trim()) found.push(n.value)
    if (n.type === 'JSXExpressionContainer' && childPosition) rendered(n.expression as Node)
    // Attributes a reader meets as text: tooltips, alternative text, labels read by screen readers.
    if (n.type === 'JSXAttribute' && READ_ATTRIBUTES.has(String((n.name as Node).name))) {
      const value = n.value as Node | null
      if (value?.type === 'Literal') rendered(value)
      if (value?.type === 'JSXExpressionContainer') rendered(value.expression as Node)
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'frontmatter' || key === 'comments') continue
      walk(value, key === 'children' || (n.type === 'AstroRoot' && key === 'body'))
    }
  }
  walk(ast, false)
  return found
}

describe('site templates', () => {
  it('the checker finds text and rendered strings, and ignores attributes and code', () => {
    const sample = `---\nconst t = (k: string) => k\n---\n<p data-x="not text" class={'x'} aria-label="Label">Hello {t('a')}<span>{x && ' — '}</span>{y ? 'yes' : t('no')}{t(\`k.\${y}\`)}</p>`
    expect(literalTexts(sample)).toEqual(['Label', 'Hello ', ' — ', 'yes'])
  })

  const files = templates(siteSrc)
  it('are found', () => expect(files.length).toBeGreaterThan(15))

  it.each(files.map((f) => [path.relative(siteSrc, f), f]))('%s has no text of its own (UI strings come from locales/)', (_name, file) => {
    expect(literalTexts(readFileSync(file, 'utf8'))).toEqual([])
  })
})

import { diffWords } from 'diff'

export type SourceText = { title: string; summary: string; body: string }

type LexicalNode = { text?: string; type?: string; children?: LexicalNode[] }

/** Plain text of a Lexical body, one line per block, for translation diffs. */
export function lexicalText(body: unknown): string {
  const root = (body as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const walk = (node: LexicalNode): string =>
    node.text ?? (node.children ?? []).map(walk).join(node.type === 'root' || node.type === 'list' ? '\n' : '')
  return walk(root).trim()
}

export function sourceTextOf(doc: { title?: string | null; summary?: string | null; body?: unknown }): SourceText {
  return { title: doc.title ?? '', summary: doc.summary ?? '', body: lexicalText(doc.body) }
}

export const sameSource = (a: SourceText | null | undefined, b: SourceText) =>
  !!a && a.title === b.title && a.summary === b.summary && a.body === b.body

/** What changed in the source since the translation was made: word-level diff per field. */
export function sourceDiff(before: SourceText, after: SourceText) {
  return (['title', 'summary', 'body'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({
      field,
      changes: diffWords(before[field], after[field]).map((part) => ({
        op: part.added ? 'added' : part.removed ? 'removed' : 'same',
        text: part.value,
      })),
    }))
}

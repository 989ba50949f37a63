import { diffWords } from 'diff'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { defaultLocale } from './locales'

export type SourceText = { title: string; summary: string; body: string }

/** The language an article was written in, which translations follow (Vietnamese unless set). */
export const sourceLocaleOf = (doc: { sourceLocale?: string | null } | null | undefined): string => doc?.sourceLocale ?? defaultLocale

/** Plain text of a Lexical body, for translation diffs. */
export const lexicalText = (body: unknown): string =>
  body && typeof body === 'object' && 'root' in body ? convertLexicalToPlaintext({ data: body as SerializedEditorState }).trim() : ''

export function sourceTextOf(doc: { title?: string | null; summary?: string | null; body?: unknown }): SourceText {
  return { title: doc.title ?? '', summary: doc.summary ?? '', body: lexicalText(doc.body) }
}

export const sameSource = (a: SourceText | null | undefined, b: SourceText) => !!a && a.title === b.title && a.summary === b.summary && a.body === b.body

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

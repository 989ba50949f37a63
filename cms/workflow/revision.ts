import { createHash } from 'node:crypto'
import type { WorkflowCollection } from './stateMachine'

/**
 * What a reader of one locale sees of a document: the fields a second person must have seen
 * before it goes live. Shared fields (section, image, missions…) count for every locale.
 */
export const readerVisibleFields: Record<WorkflowCollection, readonly string[]> = {
  articles: ['title', 'slug', 'summary', 'body', 'section', 'missions', 'heroImage', 'countries', 'event', 'updateKind', 'changeNote'],
  pages: ['title', 'slug', 'summary', 'body', 'kind', 'mission'],
}

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * A value in a canonical form, so the same content compares equal however it arrived: related
 * documents as ids, dates as instants, object keys sorted, empty values as null.
 */
export function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'string') return isoDate.test(value) ? new Date(value).getTime() : value
  if (Array.isArray(value)) {
    const items = value.map(canonical)
    return items.length ? (items.every((i) => typeof i === 'number') ? [...(items as number[])].sort((a, b) => a - b) : items) : null
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('id' in record && ('createdAt' in record || 'updatedAt' in record)) return canonical(record.id) // a populated relationship
    const entries = Object.keys(record)
      .sort()
      .map((k) => [k, canonical(record[k])] as const)
      .filter(([, v]) => v !== null)
    return entries.length ? Object.fromEntries(entries) : null
  }
  return value
}

export const sameContent = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/**
 * The revision of one locale: a short hash of what its readers would see. Submit records it;
 * approve and publish act only on that same revision, and API clients send the one they
 * reviewed (`revision`, from GET …/workflow).
 */
export function revisionOf(collection: WorkflowCollection, doc: Record<string, unknown> | null | undefined): string {
  const content = readerVisibleFields[collection].map((f) => canonical(doc?.[f]))
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)
}

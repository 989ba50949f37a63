/** One entry of a document's audit trail, as the workflow view reads it. */
type AuditEntry = { at: string; locale: string; action: string; user?: number | null }

/** The change of the source language that made a translation outdated. */
export type SourceChange = {
  at: string
  /** The source's revision this was, counting its creation as 1 and each edit after it; null when the trail is incomplete. */
  revision: number | null
  user: number | null
}

/**
 * The first edit of the source language after the translation's snapshot was taken (the text
 * the translation was made from, or last confirmed against): when, which revision of the source,
 * and by whom. Null when the trail holds no such edit (a change made by the system, not a person).
 * `complete`: whether `history` is the whole trail, so that revisions can be numbered.
 */
export function sourceChangeSince(history: AuditEntry[], sourceLocale: string, snapshotAt: string, complete: boolean): SourceChange | null {
  const revisions = history.filter((e) => e.locale === sourceLocale && (e.action === 'create' || e.action === 'edit')).sort((a, b) => a.at.localeCompare(b.at))
  const index = revisions.findIndex((e) => e.at > snapshotAt)
  if (index < 0) return null
  const change = revisions[index]!
  return { at: change.at, revision: complete ? index + 1 : null, user: change.user ?? null }
}

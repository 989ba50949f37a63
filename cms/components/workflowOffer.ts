import { canOnArticle, translatableLocales } from '../access/roles'
import { transitions } from '../workflow/stateMachine'
import type { User } from '#core/payload-types'

/** The workflow panel's decisions, apart from React so they can be tested on their own. */
export type Change = { op: 'added' | 'removed' | 'same'; text: string }
export type FieldDiff = { field: string; changes: Change[] }
export type LocaleView = {
  exists: boolean
  state: string
  live: string | null
  allowedActions: string[]
  submittedBy?: number | null
  outdated?: boolean
  outdatedSince?: string | null
  /** Which revision of the source (its creation is 1) made this translation outdated, and who made it. */
  outdatedRevision?: number | null
  outdatedBy?: string | null
  sourceLocale?: string
  sourceDiff?: FieldDiff[]
  /** In review: the change against the live copy; null when the locale was never online. */
  liveDiff?: FieldDiff[] | null
  revision?: string | null
  rejectionReason?: string | null
}
export type HistoryEntry = { at: string; locale: string; action: string; from: string | null; to: string; user?: number | null; note: string | null }
export type WorkflowView = { sourceLocale?: string; locales: Record<string, LocaleView>; history: HistoryEntry[] }

export type Offer = { allowed: string[]; unavailable: { action: string; reason: string }[] }

/**
 * What this user may do now with one locale, mirroring the server's rules
 * (cms/workflow/transition.ts): the right the action needs, and second eyes.
 * The server still decides; this only keeps impossible buttons off the screen.
 */
export function offerFor(user: Pick<User, 'id' | 'hqRole' | 'memberships'> | null | undefined, missions: number[], locale: string, l: LocaleView): Offer {
  const offer: Offer = { allowed: [], unavailable: [] }
  if (!user || !l.exists) return offer
  const mayEdit = canOnArticle(user, 'update', missions) || (canOnArticle(user, 'translate', missions) && translatableLocales(user, missions).includes(locale))
  const mayPublish = canOnArticle(user, 'publish', missions)
  for (const action of l.allowedActions) {
    const transition = transitions[action as keyof typeof transitions]
    if (!transition) continue
    if (transition.right === 'translate' ? !mayEdit : !mayPublish)
      offer.unavailable.push({ action, reason: transition.right === 'publish' ? 'reasonPublishRight' : 'reasonEditRight' })
    else if (transition.secondEyes && l.submittedBy != null && l.submittedBy === user.id) offer.unavailable.push({ action, reason: 'reasonSecondEyes' })
    else offer.allowed.push(action)
  }
  // Only reviewers and HQ may confirm a translation; nobody else is shown the button.
  if (l.outdated && mayPublish) offer.allowed.push('confirm_translation')
  return offer
}

/**
 * Since when a translation is outdated: the first edit of the source after the translation was
 * last written or confirmed (from the audit history), unless the server says so itself.
 */
export function outdatedSince(view: WorkflowView, locale: string): string | null {
  const l = view.locales[locale]
  if (l?.outdatedSince) return l.outdatedSince
  const source = l?.sourceLocale ?? view.sourceLocale ?? 'vi'
  const byTime = [...view.history].sort((a, b) => a.at.localeCompare(b.at))
  const touched = byTime.filter((e) => e.locale === locale && ['create', 'edit', 'confirm_translation'].includes(e.action)).at(-1)?.at
  const sourceEdits = byTime.filter((e) => e.locale === source && e.action === 'edit')
  return (sourceEdits.find((e) => !touched || e.at > touched) ?? sourceEdits.at(-1))?.at ?? null
}

/**
 * The reviewer's latest comment on this locale's current round (returned or approved with a
 * note), for the author; none once the locale was submitted again after it.
 */
export function reviewerNoteOf(view: WorkflowView, locale: string): HistoryEntry | null {
  const events = [...view.history].filter((e) => e.locale === locale).sort((a, b) => b.at.localeCompare(a.at))
  for (const e of events) {
    if (e.action === 'submit') return null
    if (['reject', 'approve', 'publish'].includes(e.action) && e.note) return e
  }
  return null
}

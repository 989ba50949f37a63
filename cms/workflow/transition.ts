import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import type { User } from '#core/payload-types'
import { canOnArticle, idOf, idsOf, isHq, translatableLocales } from '../access/roles'
import { defaultLocale, localeCodes, type ContentLocale } from '#core/locales'
import { isLiveState } from '#core/publicContent'
import {
  allowedActions,
  appliesTo,
  checkTransition,
  transitions,
  workflowActions,
  type WorkflowAction,
  type WorkflowCollection,
  type WorkflowState,
} from './stateMachine'
import { sameSource, sourceDiff, sourceLocaleOf, sourceTextOf, type SourceText } from '#core/sourceText'
import { sourceChangeSince } from './sourceChange'
import { revisionOf } from './revision'
import { loadAllLocales } from './localeView'
import { fail, loadDoc, userIdOf, type Actor, type TransitionInput, type Verb, type VerbContext, type WorkflowDoc, type WorkflowResult } from './verb'
import { submit } from './verbs/submit'
import { approve } from './verbs/approve'
import { reject } from './verbs/reject'
import { publish } from './verbs/publish'
import { schedule } from './verbs/schedule'
import { unpublish } from './verbs/unpublish'
import { withdraw } from './verbs/withdraw'
import { force_publish } from './verbs/force_publish'
import { confirm_translation } from './verbs/confirm_translation'

export { parseScheduleTime } from './scheduleTime'
export type { TransitionInput, WorkflowResult } from './verb'

/** One module per row of the transitions table (cms/workflow/stateMachine.ts), with that verb's own work. */
const verbs: Record<WorkflowAction, Verb> = { submit, approve, reject, publish, schedule, unpublish, withdraw, force_publish, confirm_translation }

const noun = (collection: WorkflowCollection) => (collection === 'pages' ? 'page' : 'article')
export const missionsOfDoc = (doc: WorkflowDoc | null | undefined): number[] =>
  doc ? (doc.missions !== undefined ? idsOf(doc.missions) : [idOf(doc.mission)].filter((m): m is number => m !== undefined)) : []

/**
 * Applies one workflow action to one locale of one document, for the person on `req` or a
 * named system actor (the scheduler). The skeleton is the same for every verb: validate →
 * load → rights → second eyes → the verb's checks → one transaction with the verb's writes
 * and the audit event.
 */
export async function runTransition(
  req: PayloadRequest,
  id: number | string,
  input: TransitionInput,
  options: {
    now?: Date
    actor?: Actor
    collection?: WorkflowCollection
    /** false: answer `{ id }` instead of the workflow view (every locale and the history: ~20 reads), for callers that do not show it (the importer). */
    view?: boolean
  } = {},
): Promise<WorkflowResult> {
  const now = options.now ?? new Date()
  const collection = options.collection ?? 'articles'
  const actor: Actor | null = options.actor ?? (req.user ? { kind: 'person', user: req.user as User } : null)
  if (!actor) return fail(401, 'Log in to change the workflow.')
  const user = actor.kind === 'person' ? actor.user : null

  // Validate.
  const locale = (input.locale ?? '') as ContentLocale
  if (!localeCodes.includes(locale)) return fail(400, `Unknown locale "${input.locale ?? ''}". Use one of: ${localeCodes.join(', ')}.`)
  let action = input.action as WorkflowAction
  if (!workflowActions.includes(action) || !appliesTo(action, collection)) {
    const known = workflowActions.filter((a) => appliesTo(a, collection))
    return fail(400, `Unknown action "${input.action}". Use one of: ${known.join(', ')}.`)
  }

  // Load.
  const doc = await loadDoc(req, collection, id, locale, true)
  const missions = missionsOfDoc(doc)
  if (!doc || (user && !canOnArticle(user, 'read', missions))) return fail(404, `${noun(collection) === 'page' ? 'Page' : 'Article'} not found.`)
  if (!doc.title) return fail(409, `The ${noun(collection)} has no "${locale}" version yet: write it before starting its workflow.`)
  const state = (doc.workflow?.state ?? 'draft') as WorkflowState
  const note = input.note?.trim() || undefined

  // `publish` with "force": from a state publish is not allowed from, HQ's force-publish row applies.
  if (action === 'publish' && input.force && !transitions.publish.from.includes(state)) action = 'force_publish'
  const row = transitions[action]
  const verb = verbs[action]
  if (row.hqOnly && user && !isHq(user)) return fail(403, verb.forbidden?.({ locale, collection }) ?? `Only HQ may ${action}.`)
  const check = checkTransition(state, action, note, collection)
  if (!check.ok) return fail(check.status, check.message, { allowedActions: check.allowed })

  // Rights: submitting needs the right to edit this locale; everything else the right to publish.
  if (user) {
    const may =
      row.right === 'translate'
        ? canOnArticle(user, 'update', missions) ||
          (collection === 'articles' && canOnArticle(user, 'translate', missions) && translatableLocales(user, missions).includes(locale))
        : canOnArticle(user, 'publish', missions)
    if (!may) return fail(403, verb.forbidden?.({ locale, collection }) ?? `Your role may not ${action} ${collection} of this mission; ask a reviewer.`)
  }

  // Second eyes.
  const submittedBy = idOf(doc.workflow?.submittedBy)
  if (row.secondEyes && user && submittedBy === user.id) {
    return fail(403, `Second eyes: you submitted the "${locale}" version, so someone else must ${action} it.`)
  }

  // Second eyes bind to content: approve, publish and schedule act on exactly the revision that
  // was submitted (an edit since sends the locale back to draft, cms/hooks/protectWorkflowFields.ts),
  // and on the revision the reviewer saw, when the client says which (`revision`).
  const revision = revisionOf(collection, doc as Record<string, unknown>)
  if (row.secondEyes || (action === 'publish' && actor.kind === 'system')) {
    const submitted = doc.workflow?.submittedRevision
    if (submitted && submitted !== revision) {
      return fail(
        409,
        `The "${locale}" version changed after it was submitted, so nobody else has reviewed this text: reject it back to draft and submit it again.`,
        { revision },
      )
    }
    if (input.revision && input.revision !== revision) {
      return fail(
        409,
        `The "${locale}" version changed since you opened it (you reviewed revision ${input.revision}, it is now ${revision}): reload it and review the text again.`,
        { revision },
      )
    }
  }

  const ctx: VerbContext = {
    req,
    collection,
    id,
    locale,
    doc,
    missions,
    state,
    note,
    input,
    now,
    actor,
    to: check.to,
    workflow: { ...(doc.workflow ?? {}), state: check.to, changedAt: now.toISOString() },
  }
  const refused = await verb.check?.(ctx)
  if (refused) return refused

  return withTransaction(req, async () => {
    const result = await verb.apply(ctx)
    if (result) return result
    await recordEvent(req, { collection, doc, missions, locale, action, from: state, to: check.to, note, actor })
    return { status: 200, body: options.view === false ? { id: Number(id) } : await workflowView(req, id, collection) }
  })
}

/** The audit trail: one event per transition, naming the person or the system actor. */
export async function recordEvent(
  req: PayloadRequest,
  e: {
    collection: WorkflowCollection
    doc: Pick<WorkflowDoc, 'id'>
    missions: number[]
    locale: string
    action: string
    from: string | null
    to: string
    note?: string
    actor: Actor
  },
) {
  await req.payload.create({
    collection: 'workflow-events',
    data: {
      ...(e.collection === 'pages' ? { page: e.doc.id } : { article: e.doc.id }),
      documentCollection: e.collection,
      documentId: e.doc.id,
      missions: e.missions,
      locale: e.locale,
      action: e.action,
      from: e.from,
      to: e.to,
      user: userIdOf(e.actor),
      systemActor: e.actor.kind === 'system' ? e.actor.name : null,
      note: e.note ?? null,
    },
    overrideAccess: true, // the audit trail is written by the system only
    req,
  })
}

async function withTransaction(req: PayloadRequest, fn: () => Promise<WorkflowResult>): Promise<WorkflowResult> {
  const owns = await initTransaction(req)
  try {
    const result = await fn()
    if (result.status >= 400) {
      if (owns) await killTransaction(req)
      return result
    }
    if (owns) await commitTransaction(req)
    return result
  } catch (error) {
    if (owns) await killTransaction(req)
    throw error
  }
}

/**
 * Per-locale state, live copy, staleness (with the source diff) and history of one document:
 * the document is read twice (every locale's latest revision, every locale's live copy) and the
 * history once, plus the names of whoever changed the source of an outdated translation (one read,
 * only then). `loaded`: the document reads, when the caller has them already.
 */
export async function workflowView(
  req: PayloadRequest,
  id: number | string,
  collection: WorkflowCollection = 'articles',
  loaded?: Awaited<ReturnType<typeof loadAllLocales>>,
) {
  const docs = loaded ?? (await loadAllLocales(req, collection, id))
  const first = docs.latest(defaultLocale)
  const sourceLocale = collection === 'articles' ? sourceLocaleOf(first) : defaultLocale
  const sourceNow: SourceText = sourceTextOf(docs.latest(sourceLocale) ?? {})
  const locales: Record<string, Record<string, unknown>> = {}
  const outdatedSnapshots = new Map<string, string>()
  for (const locale of localeCodes) {
    const doc = docs.latest(locale)
    const live = docs.live(locale)
    const state = (doc?.workflow?.state ?? 'draft') as WorkflowState
    const liveState = live?.title && isLiveState(live.workflow?.state) ? live.workflow!.state : null
    const snapshot = doc?.translation?.sourceSnapshot as SourceText | null | undefined
    const isTranslation = collection === 'articles' && locale !== sourceLocale && Boolean(doc?.title)
    const outdated = isTranslation && !!snapshot && !sameSource(snapshot, sourceNow)
    if (outdated && doc?.translation?.snapshotAt) outdatedSnapshots.set(locale, doc.translation.snapshotAt)
    locales[locale] = {
      exists: Boolean(doc?.title),
      state,
      live: liveState,
      allowedActions: doc?.title ? allowedActions(state, collection) : [],
      // Send this back with approve/publish/schedule: the server refuses if the text changed since.
      revision: doc?.title ? revisionOf(collection, doc as Record<string, unknown>) : null,
      submittedBy: idOf(doc?.workflow?.submittedBy) ?? null,
      approvedBy: idOf(doc?.workflow?.approvedBy) ?? null,
      changedAt: doc?.workflow?.changedAt ?? null,
      scheduledAt: doc?.workflow?.scheduledAt ?? null,
      forcePublished: Boolean(doc?.workflow?.forcePublished),
      withdrawalReason: doc?.workflow?.withdrawalReason ?? null,
      rejectionReason: doc?.workflow?.rejectionReason ?? null,
      ...(isTranslation ? { sourceLocale, outdated, sourceDiff: outdated ? sourceDiff(snapshot!, sourceNow) : [] } : {}),
      // For the reviewer: what this revision changes against what readers see now (null: never online).
      ...(doc?.title && ['in_review', 'approved', 'scheduled'].includes(state)
        ? { liveDiff: liveState && live ? sourceDiff(sourceTextOf(live), sourceTextOf(doc)) : null }
        : {}),
    }
  }
  const history = await req.payload.find({
    collection: 'workflow-events',
    where: { [collection === 'pages' ? 'page' : 'article']: { equals: id } },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const entries = history.docs.map((e) => ({
    at: e.createdAt,
    locale: e.locale,
    action: e.action,
    from: e.from,
    to: e.to,
    user: idOf(e.user) ?? null,
    actor: e.systemActor ?? null,
    note: e.note,
  }))
  // For an outdated translation: since which revision of the source, when and by whom.
  const changes = [...outdatedSnapshots].map(([locale, snapshotAt]) => ({
    locale,
    change: sourceChangeSince(entries, sourceLocale, snapshotAt, history.totalDocs <= history.docs.length),
  }))
  const editorIds = [...new Set(changes.map((c) => c.change?.user).filter((u): u is number => typeof u === 'number'))]
  const editors = editorIds.length
    ? await req.payload.find({
        collection: 'users',
        where: { id: { in: editorIds } },
        select: { name: true, email: true },
        limit: editorIds.length,
        depth: 0,
        overrideAccess: true, // only the name of the person who changed the source is shown
        req,
      })
    : null
  for (const { locale, change } of changes) {
    if (!change) continue
    const editor = editors?.docs.find((u) => u.id === change.user)
    Object.assign(locales[locale]!, { outdatedSince: change.at, outdatedRevision: change.revision, outdatedBy: editor ? editor.name || editor.email : null })
  }
  return { id: Number(id), sourceLocale, locales, history: entries }
}

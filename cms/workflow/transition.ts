import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { TZDate } from '@date-fns/tz'
import type { Article } from '../../core/payload-types'
import { canOnArticle, idOf, idsOf, isHq, translatableLocales } from '../access/roles'
import { localeCodes } from '../../core/locales'
import { allowedActions, checkTransition, liveStates, workflowActions, type WorkflowAction, type WorkflowState } from './stateMachine'
import { sameSource, sourceDiff, sourceLocaleOf, sourceTextOf, type SourceText } from '../../core/sourceText'

export type TransitionInput = { locale?: string; action?: string; at?: string; note?: string; force?: boolean }
export type WorkflowResult = { status: number; body: Record<string, unknown> }

const fail = (status: number, message: string, extra: Record<string, unknown> = {}): WorkflowResult => ({ status, body: { errors: [{ message }], ...extra } })

type Loaded = Article & { workflow?: Article['workflow'] }

async function load(req: PayloadRequest, id: number | string, locale: string, draft: boolean) {
  return (await req.payload.findByID({
    collection: 'articles',
    id,
    locale: locale as 'vi',
    fallbackLocale: false,
    draft,
    depth: 0,
    overrideAccess: true, // visibility is checked below with the caller's rights
    disableErrors: true,
    req,
  })) as Loaded | null
}

/** A time without an offset is read in the mission's time zone, as editors enter it. */
export function parseScheduleTime(at: string, timeZone: string): Date | null {
  if (!at) return null
  if (/[zZ]$|[+-]\d\d:?\d\d$/.test(at)) {
    const d = new Date(at)
    return Number.isNaN(d.getTime()) ? null : d
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(at)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0))
  return new Date(new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timeZone).getTime())
}

/**
 * Applies one workflow action to one locale of one article, for the user on `req`
 * (or the system, e.g. the scheduler, when `req.user` is absent). Every change of state
 * and its audit event are written in one transaction.
 */
export async function runTransition(
  req: PayloadRequest,
  id: number | string,
  input: TransitionInput,
  options: { now?: Date } = {},
): Promise<WorkflowResult> {
  const now = options.now ?? new Date()
  const user = req.user
  const locale = input.locale ?? ''
  const action = input.action as WorkflowAction
  if (!localeCodes.includes(locale as never)) return fail(400, `Unknown locale "${locale}". Use one of: ${localeCodes.join(', ')}.`)
  if (!workflowActions.includes(action)) return fail(400, `Unknown action "${input.action}". Use one of: ${workflowActions.join(', ')}.`)

  const doc = await load(req, id, locale, true)
  const missions = idsOf(doc?.missions)
  if (!doc || (user && !canOnArticle(user, 'read', missions))) return fail(404, 'Article not found.')
  if (!doc.title) return fail(409, `The article has no "${locale}" version yet: write it before starting its workflow.`)
  const state = (doc.workflow?.state ?? 'draft') as WorkflowState
  const note = input.note?.trim() || undefined

  // Rights: submitting needs the right to edit this locale; everything else the right to publish.
  const mayEdit = !user || canOnArticle(user, 'update', missions) || (canOnArticle(user, 'translate', missions) && translatableLocales(user, missions).includes(locale))
  const mayPublish = !user || canOnArticle(user, 'publish', missions)

  if (action === 'confirm_translation') {
    if (!mayPublish) return fail(403, 'Only reviewers and HQ can confirm that a translation is still valid.')
    return withTransaction(req, async () => {
      const source = sourceLocaleOf(doc)
      const sourceDoc = await load(req, id, source, true)
      await write(req, id, locale, true, { translation: { sourceSnapshot: sourceTextOf(sourceDoc ?? {}), snapshotAt: now.toISOString() } })
      await record(req, doc, locale, 'confirm_translation', state, state, note)
      return { status: 200, body: await workflowView(req, id) }
    })
  }

  let check = checkTransition(state, action, note)
  let forced = false
  if (!check.ok && check.status === 409 && action === 'publish' && input.force) {
    if (!user || !isHq(user)) return fail(403, 'Only HQ editors can force-publish.')
    if (!note) return fail(400, 'A reason ("note") is required to force-publish.')
    forced = true
    check = { ok: true, to: 'published', transition: { from: [state], to: 'published', right: 'publish' } }
  }
  if (!check.ok) return fail(check.status, check.message, { allowedActions: check.allowed })
  const { to, transition } = check

  if (transition.right === 'translate' ? !mayEdit : !mayPublish) {
    return fail(403, transition.right === 'publish' ? `Your role may not ${action} articles of this mission; ask a reviewer.` : `You may not ${action} the "${locale}" version of this article.`)
  }
  const submittedBy = idOf(doc.workflow?.submittedBy)
  if (transition.secondEyes && !forced && user && submittedBy === user.id) {
    return fail(403, `Second eyes: you submitted the "${locale}" version, so someone else must ${action} it.`)
  }

  let scheduledAt: Date | null = null
  if (action === 'schedule') {
    const missionDoc = missions[0] ? await req.payload.findByID({ collection: 'missions', id: missions[0], depth: 0, overrideAccess: true, req }) : null
    scheduledAt = parseScheduleTime(input.at ?? '', missionDoc?.timeZone ?? 'UTC')
    if (!scheduledAt) return fail(400, 'Give the publication time as ISO-8601 in "at", e.g. "2026-12-01T09:00" (mission time) or "2026-11-30T22:00:00Z".')
    if (scheduledAt.getTime() <= now.getTime()) return fail(400, `The scheduled time ${scheduledAt.toISOString()} is in the past.`)
  }

  if (action === 'publish' || action === 'schedule') {
    // Every published language needs its own description of the lead image (WCAG 1.1.1).
    const heroId = idOf(doc.heroImage)
    if (heroId !== undefined) {
      const hero = await req.payload.findByID({ collection: 'media', id: heroId, locale: locale as 'vi', fallbackLocale: false, depth: 0, overrideAccess: true, disableErrors: true, req })
      if (hero && !hero.alt?.trim()) return fail(400, `The lead image has no alt text in "${locale}": add it in the media library before publishing this language.`)
    }
  }

  return withTransaction(req, async () => {
    const stamp = now.toISOString()
    const workflow = { ...(doc.workflow ?? {}), state: to, changedAt: stamp } as Record<string, unknown>
    if (action === 'submit') Object.assign(workflow, { submittedBy: user?.id ?? null, rejectionReason: null, approvedBy: null })
    if (action === 'approve') workflow.approvedBy = user?.id ?? null
    if (action === 'reject') workflow.rejectionReason = note
    if (action === 'schedule') workflow.scheduledAt = scheduledAt!.toISOString()

    if (action === 'publish') {
      const live = await load(req, id, locale, false)
      const wasLive = liveStates.includes((live?.workflow?.state ?? 'draft') as WorkflowState) && Boolean(live?.title)
      const changeNotes = [...(doc.changeNotes ?? [])]
      if (wasLive && doc.updateKind === 'major') {
        if (!doc.changeNote?.trim()) return fail(400, 'This is a major update: write a public change note before publishing.')
        changeNotes.push({ date: stamp, note: doc.changeNote.trim() })
      }
      Object.assign(workflow, { forcePublished: forced, forceReason: forced ? note : null, scheduledAt: null, withdrawnAt: null, withdrawalReason: null })
      await write(req, id, locale, false, { workflow, changeNotes, updateKind: 'minor', changeNote: null, _status: 'published', publishedAt: doc.publishedAt ?? stamp })
    } else if (action === 'unpublish' || action === 'withdraw') {
      // Take the live copy down (or mark it withdrawn) without pushing an unreviewed revision live.
      const live = await load(req, id, locale, false)
      if (action === 'withdraw') Object.assign(workflow, { withdrawnAt: stamp, withdrawalReason: note })
      await write(req, id, locale, false, {
        title: live?.title ?? doc.title,
        summary: live?.summary ?? doc.summary,
        body: live?.body ?? doc.body,
        slug: live?.slug ?? doc.slug,
        workflow,
        _status: 'published',
      })
    } else {
      await write(req, id, locale, true, { workflow })
    }
    if (action === 'schedule') {
      await req.payload.jobs.queue({ task: 'publishScheduled', queue: 'workflow', input: { article: Number(id), locale, at: scheduledAt!.toISOString() }, waitUntil: scheduledAt!, req })
    }
    await record(req, doc, locale, forced ? 'force_publish' : action, state, to, note)
    return { status: 200, body: await workflowView(req, id) }
  })
}

async function write(req: PayloadRequest, id: number | string, locale: string, draft: boolean, data: Record<string, unknown>) {
  await req.payload.update({
    collection: 'articles',
    id,
    locale: locale as 'vi',
    draft,
    // Publishing one locale must leave every other locale's live copy exactly as it was.
    ...(draft ? {} : { publishSpecificLocale: locale }),
    data: data as never,
    overrideAccess: true, // rights were checked above; field access keeps workflow fields system-only
    context: { workflowService: true },
    req,
  })
}

async function record(req: PayloadRequest, doc: Loaded, locale: string, action: string, from: string, to: string, note?: string) {
  await req.payload.create({
    collection: 'workflow-events',
    data: { article: doc.id, missions: idsOf(doc.missions), locale, action, from, to, user: req.user?.id ?? null, note: note ?? null },
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

/** Per-locale state, live copy, staleness (with the source diff) and history of one article. */
export async function workflowView(req: PayloadRequest, id: number | string) {
  const sourceDoc = await load(req, id, 'vi', true)
  const sourceLocale = sourceLocaleOf(sourceDoc)
  const source = sourceLocale === 'vi' ? sourceDoc : await load(req, id, sourceLocale, true)
  const sourceNow: SourceText = sourceTextOf(source ?? {})
  const locales: Record<string, unknown> = {}
  for (const locale of localeCodes) {
    const latest = locale === 'vi' ? sourceDoc : await load(req, id, locale, true)
    const live = await load(req, id, locale, false)
    const state = (latest?.workflow?.state ?? 'draft') as WorkflowState
    const liveState = live?.title && liveStates.includes((live.workflow?.state ?? 'draft') as WorkflowState) ? live.workflow!.state : null
    const snapshot = latest?.translation?.sourceSnapshot as SourceText | null | undefined
    const isTranslation = locale !== sourceLocale && Boolean(latest?.title)
    const outdated = isTranslation && !!snapshot && !sameSource(snapshot, sourceNow)
    locales[locale] = {
      exists: Boolean(latest?.title),
      state,
      live: liveState,
      allowedActions: latest?.title ? allowedActions(state) : [],
      submittedBy: idOf(latest?.workflow?.submittedBy) ?? null,
      approvedBy: idOf(latest?.workflow?.approvedBy) ?? null,
      changedAt: latest?.workflow?.changedAt ?? null,
      scheduledAt: latest?.workflow?.scheduledAt ?? null,
      forcePublished: Boolean(latest?.workflow?.forcePublished),
      withdrawalReason: latest?.workflow?.withdrawalReason ?? null,
      rejectionReason: latest?.workflow?.rejectionReason ?? null,
      ...(isTranslation ? { sourceLocale, outdated, sourceDiff: outdated ? sourceDiff(snapshot!, sourceNow) : [] } : {}),
    }
  }
  const history = await req.payload.find({
    collection: 'workflow-events',
    where: { article: { equals: id } },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return {
    id: Number(id),
    sourceLocale,
    locales,
    history: history.docs.map((e) => ({ at: e.createdAt, locale: e.locale, action: e.action, from: e.from, to: e.to, user: idOf(e.user) ?? null, note: e.note })),
  }
}

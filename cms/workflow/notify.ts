import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'
import type { User, WorkflowEvent } from '#core/payload-types'
import { serverURL } from '#core/config'
import type { ContentLocale } from '#core/locales'
import { canOnArticle, idOf, idsOf } from '../access/roles'
import { adminTranslations } from '../lib/adminTranslations'
import { sourceLocaleOf } from '#core/sourceText'

/** The queue workflow notices go out on: the mail queue, run every second (cms/payload.config.ts). */
export const NOTIFY_QUEUE = 'mail'

type Kind = 'submitted' | 'returned' | 'published' | 'sourceChanged'
type Notice = { kind: Kind; to: User[] }
type Event = Pick<WorkflowEvent, 'id' | 'action' | 'locale' | 'note' | 'createdAt'> & { article?: unknown; user?: unknown; missions?: unknown }

const history = async (req: PayloadRequest, article: number) =>
  (
    await req.payload.find({
      collection: 'workflow-events',
      where: { article: { equals: article } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs as unknown as Event[]

const usersByIds = async (req: PayloadRequest, ids: number[]) =>
  ids.length
    ? ((await req.payload.find({ collection: 'users', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })).docs as User[])
    : []

/**
 * Who hears about one audit event: reviewers of the article's missions (for that locale) when
 * it is submitted; its author (who submitted it) when it is returned or published; the people
 * who wrote a translation when the source they translated first changes after their work
 * (later edits of an already outdated translation's source send nothing more). Never the actor.
 */
export async function recipientsOf(req: PayloadRequest, event: Event): Promise<Notice | null> {
  const articleId = idOf(event.article)
  if (articleId === undefined) return null
  const actor = idOf(event.user)
  const missions = idsOf(event.missions)
  const others = (users: User[]) => users.filter((u) => u.id !== actor && u.email)
  if (event.action === 'submit') {
    const members = await req.payload.find({
      collection: 'users',
      where: { 'memberships.mission': { in: missions } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const reviewers = (members.docs as User[]).filter(
      (u) =>
        canOnArticle(u, 'publish', missions) &&
        (u.memberships ?? []).some(
          (m) => missions.includes(idOf(m.mission)!) && (!m.translationLocales?.length || m.translationLocales.some((l) => l === event.locale)),
        ),
    )
    return { kind: 'submitted', to: others(reviewers) }
  }
  if (event.action === 'reject' || event.action === 'publish' || event.action === 'publish_scheduled') {
    const events = await history(req, articleId)
    const submit = events.filter((e) => e.locale === event.locale && e.action === 'submit' && e.createdAt <= event.createdAt).at(-1)
    const author = idOf(submit?.user)
    return { kind: event.action === 'reject' ? 'returned' : 'published', to: others(await usersByIds(req, author === undefined ? [] : [author])) }
  }
  if (event.action === 'edit') {
    const article = await req.payload.findByID({ collection: 'articles', id: articleId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
    if (!article || event.locale !== sourceLocaleOf(article)) return null
    const events = await history(req, articleId)
    const translators = new Set<number>()
    for (const locale of new Set(events.filter((e) => e.locale !== event.locale).map((e) => e.locale))) {
      const own = events.filter((e) => e.locale === locale && ['create', 'edit', 'confirm_translation'].includes(e.action))
      const touched = own.at(-1)?.createdAt
      if (!touched) continue
      const firstSourceEditSince = events.find((e) => e.locale === event.locale && e.action === 'edit' && e.createdAt > touched)
      if (firstSourceEditSince?.id !== event.id) continue
      for (const e of own) if (e.action !== 'confirm_translation' && idOf(e.user) !== undefined) translators.add(idOf(e.user)!)
    }
    return { kind: 'sourceChanged', to: others(await usersByIds(req, [...translators])) }
  }
  return null
}

const fill = (template: string, values: Record<string, string | null | undefined>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '')

/** One message in the recipient's admin language. */
export function noticeMessage(kind: Kind, language: 'vi' | 'en', values: { title: string; locale: string; note?: string | null; link: string }) {
  const strings = adminTranslations[language].workflowMail
  const v = { ...values, language: adminTranslations[language].workflow[`lang_${values.locale}` as 'lang_vi'] ?? values.locale }
  const lines = [fill(strings[`${kind}Body`], v)]
  if (values.note) lines.push('', `${strings.comment} ${values.note}`)
  lines.push('', fill(strings.open, v), values.link)
  return { subject: fill(strings[`${kind}Subject`], v), text: lines.join('\n') }
}

type Input = { event: number }

/** Sends the notices one audit event owes (queued by every workflow event, cms/collections/WorkflowEvents.ts). */
export const notifyWorkflowTask: TaskConfig<{ input: Input; output: { sent: number } }> = {
  slug: 'notifyWorkflow',
  label: 'Notify editors of a workflow step',
  inputSchema: [{ name: 'event', type: 'number', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    const event = (await req.payload.findByID({
      collection: 'workflow-events',
      id: input.event,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Event | null
    const notice = event ? await recipientsOf(req, event) : null
    if (!event || !notice?.to.length) return { output: { sent: 0 } }
    const articleId = idOf(event.article)!
    const article = await req.payload.findByID({
      collection: 'articles',
      id: articleId,
      locale: event.locale as ContentLocale, // the event's locale is a text field, written with a content locale
      fallbackLocale: false,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const title = article?.title ?? `#${articleId}`
    const link = `${serverURL}/admin/collections/articles/${articleId}?locale=${event.locale}`
    for (const user of notice.to) {
      const message = noticeMessage(notice.kind, user.adminLanguage === 'en' ? 'en' : 'vi', { title, locale: event.locale, note: event.note, link })
      await req.payload.sendEmail({ to: user.email, ...message })
    }
    return { output: { sent: notice.to.length } }
  },
}

const noticed = new Set(['submit', 'reject', 'publish', 'publish_scheduled', 'edit'])

/** After an audit event is written: its notices go out through the jobs queue, never inside the save. */
export const queueWorkflowNotice: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const event = doc as Event
  if (operation !== 'create' || !noticed.has(event.action) || idOf(event.article) === undefined) return doc
  await req.payload.jobs.queue({ task: 'notifyWorkflow', input: { event: event.id }, queue: NOTIFY_QUEUE, req })
  return doc
}

import type { PayloadRequest } from 'payload'
import type { Article, User } from '#core/payload-types'
import type { ContentLocale } from '#core/locales'
import type { WorkflowCollection, WorkflowState } from './stateMachine'

export type TransitionInput = { locale?: string; action?: string; at?: string; note?: string; force?: boolean; revision?: string }
export type WorkflowResult = { status: number; body: Record<string, unknown> }

/**
 * Who performs a transition: a person (rights and second eyes apply), or a named part of the
 * system acting on a decision a person already took (the scheduler publishes what a reviewer
 * scheduled; the importer submits what an operator chose to import as published, for the
 * import's reviewer account to publish). The audit names either.
 */
export type SystemActorName = 'scheduler' | 'importer'
export type Actor = { kind: 'person'; user: User } | { kind: 'system'; name: SystemActorName }
export const systemActor = (name: SystemActorName): Actor => ({ kind: 'system', name })
export const userIdOf = (actor: Actor) => (actor.kind === 'person' ? actor.user.id : null)

export const fail = (status: number, message: string, extra: Record<string, unknown> = {}): WorkflowResult => ({
  status,
  body: { errors: [{ message }], ...extra },
})

/** One locale of a document as the workflow reads it (articles and pages share these fields). */
export type WorkflowDoc = Pick<Article, 'id' | 'title' | 'slug' | 'summary' | 'body' | 'updatedAt'> &
  Partial<
    Pick<Article, 'missions' | 'workflow' | 'changeNotes' | 'updateKind' | 'changeNote' | 'publishedAt' | 'heroImage' | 'sourceLocale' | 'translation'>
  > & {
    mission?: number | { id: number } | null
  }

/** Everything a verb needs: the skeleton (cms/workflow/transition.ts) has validated, loaded and checked rights. */
export type VerbContext = {
  req: PayloadRequest
  collection: WorkflowCollection
  id: number | string
  locale: ContentLocale
  /** The locale's latest revision. */
  doc: WorkflowDoc
  missions: number[]
  state: WorkflowState
  to: WorkflowState
  note?: string
  input: TransitionInput
  now: Date
  actor: Actor
  /** The locale's workflow group after the transition (state and changedAt set); verbs add their fields. */
  workflow: Record<string, unknown>
}

export type Verb = {
  /** The verb's own checks that need no transaction (input, content); a result refuses. */
  check?: (ctx: VerbContext) => Promise<WorkflowResult | void>
  /** The verb's writes, inside the transition's transaction; a result refuses (and rolls back). */
  apply: (ctx: VerbContext) => Promise<WorkflowResult | void>
  /** The refusal when the actor lacks the row's right. */
  forbidden?: (ctx: Pick<VerbContext, 'locale' | 'collection'>) => string
}

export async function loadDoc(req: PayloadRequest, collection: WorkflowCollection, id: number | string, locale: string, draft: boolean) {
  return (await req.payload.findByID({
    collection,
    id,
    locale: locale as ContentLocale,
    fallbackLocale: false,
    draft,
    depth: 0,
    overrideAccess: true, // visibility is checked by the caller with the actor's rights
    disableErrors: true,
    req,
  })) as WorkflowDoc | null
}

/** A write of the workflow service: rights were checked; `draft: false` changes only this locale's live copy. */
export async function writeDoc(ctx: Pick<VerbContext, 'req' | 'collection' | 'id' | 'locale'>, draft: boolean, data: Record<string, unknown>) {
  await ctx.req.payload.update({
    collection: ctx.collection,
    id: ctx.id,
    locale: ctx.locale,
    draft,
    // Publishing one locale must leave every other locale's live copy exactly as it was.
    ...(draft ? {} : { publishSpecificLocale: ctx.locale }),
    data,
    overrideAccess: true, // field access keeps workflow fields system-only
    context: { workflowService: true },
    req: ctx.req,
  })
}

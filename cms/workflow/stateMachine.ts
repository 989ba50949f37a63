import { liveStates } from '#core/publicContent'

/**
 * The editorial workflow of one document (article or page) in one locale, as a table. Each
 * locale moves through these states on its own: publishing `en` never touches `vi`.
 *
 * `state` is the editorial state of the locale's latest revision. What readers see is
 * the locale's live copy (published or withdrawn), which stays online while a new
 * revision goes through review. docs/workflow.md renders this table (tests/unit/workflowDocs.test.ts
 * checks that it does).
 */
export const workflowStates = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn'] as const
export type WorkflowState = (typeof workflowStates)[number]

export const workflowActions = ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish', 'withdraw', 'force_publish', 'confirm_translation'] as const
export type WorkflowAction = (typeof workflowActions)[number]

/** The collections that go through this workflow. */
export type WorkflowCollection = 'articles' | 'pages'

/** Which right (cms/access/roles.ts) an action needs. */
export type Right = 'translate' | 'publish'

export type Transition = {
  from: readonly WorkflowState[]
  /** null: the state stays as it is (the verb records something else). */
  to: WorkflowState | null
  right: Right
  noteRequired?: boolean
  /** Not by the person who submitted this revision. */
  secondEyes?: boolean
  /** HQ editors and admins only. */
  hqOnly?: boolean
  /** false: not offered as a button for the state (asked for explicitly). */
  offered?: false
  /** Only for these collections (default: all). */
  collections?: readonly WorkflowCollection[]
}

export const transitions: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'unpublished'], to: 'in_review', right: 'translate' },
  approve: { from: ['in_review'], to: 'approved', right: 'publish', secondEyes: true },
  reject: { from: ['in_review', 'approved', 'scheduled'], to: 'draft', right: 'publish', noteRequired: true },
  publish: { from: ['in_review', 'approved', 'scheduled'], to: 'published', right: 'publish', secondEyes: true },
  schedule: { from: ['in_review', 'approved'], to: 'scheduled', right: 'publish', secondEyes: true },
  unpublish: { from: ['published', 'withdrawn'], to: 'unpublished', right: 'publish' },
  withdraw: { from: ['published'], to: 'withdrawn', right: 'publish', noteRequired: true, collections: ['articles'] },
  force_publish: { from: workflowStates, to: 'published', right: 'publish', noteRequired: true, hqOnly: true, offered: false },
  confirm_translation: { from: workflowStates, to: null, right: 'publish', offered: false, collections: ['articles'] },
}

/** States in which a locale's live copy is on the public site (one definition: core/publicContent.ts). */
export { liveStates }

/** Does this action apply to documents of `collection` at all? */
export const appliesTo = (action: WorkflowAction, collection: WorkflowCollection) => transitions[action].collections?.includes(collection) ?? true

/** Actions offered from `state`, for 409 answers and the admin's buttons. */
export function allowedActions(state: WorkflowState, collection: WorkflowCollection = 'articles'): WorkflowAction[] {
  return workflowActions.filter((a) => transitions[a].offered !== false && appliesTo(a, collection) && transitions[a].from.includes(state))
}

export type TransitionCheck =
  { ok: true; to: WorkflowState; transition: Transition } | { ok: false; status: 409 | 400; message: string; allowed: WorkflowAction[] }

/** Pure check of a transition; who may do it is decided by the caller (rights, second eyes). */
export function checkTransition(state: WorkflowState, action: WorkflowAction, note?: string, collection: WorkflowCollection = 'articles'): TransitionCheck {
  const transition = transitions[action]
  if (!transition || !appliesTo(action, collection))
    return { ok: false, status: 400, message: `Unknown action "${action}".`, allowed: allowedActions(state, collection) }
  if (!transition.from.includes(state)) {
    const allowed = allowedActions(state, collection)
    const hint = state === 'draft' ? ' A draft (also a revision edited after it was submitted) must be submitted for review first.' : ''
    return { ok: false, status: 409, message: `Cannot ${action} from "${state}". Allowed: ${allowed.join(', ') || 'none'}.${hint}`, allowed }
  }
  if (transition.noteRequired && !note?.trim()) {
    return { ok: false, status: 400, message: `A reason ("note") is required to ${action.replace('_', '-')}.`, allowed: allowedActions(state, collection) }
  }
  return { ok: true, to: transition.to ?? state, transition }
}

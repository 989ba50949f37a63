/**
 * The editorial workflow of one article in one locale, as a table. Each locale of an
 * article moves through these states on its own: publishing `en` never touches `vi`.
 *
 * `state` is the editorial state of the locale's latest revision. What readers see is
 * the locale's live copy (published or withdrawn), which stays online while a new
 * revision goes through review. docs/workflow.md renders this table.
 */
export const workflowStates = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn'] as const
export type WorkflowState = (typeof workflowStates)[number]

export const workflowActions = ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish', 'withdraw', 'confirm_translation'] as const
export type WorkflowAction = (typeof workflowActions)[number]

/** Which article right (cms/access/roles.ts) an action needs. */
export type Right = 'translate' | 'publish'

type Transition = { from: readonly WorkflowState[]; to: WorkflowState; right: Right; noteRequired?: boolean; secondEyes?: boolean }

export const transitions: Record<Exclude<WorkflowAction, 'confirm_translation'>, Transition> = {
  submit: { from: ['draft', 'unpublished'], to: 'in_review', right: 'translate' },
  approve: { from: ['in_review'], to: 'approved', right: 'publish', secondEyes: true },
  reject: { from: ['in_review', 'approved', 'scheduled'], to: 'draft', right: 'publish', noteRequired: true },
  publish: { from: ['in_review', 'approved', 'scheduled'], to: 'published', right: 'publish', secondEyes: true },
  schedule: { from: ['in_review', 'approved'], to: 'scheduled', right: 'publish', secondEyes: true },
  unpublish: { from: ['published', 'withdrawn'], to: 'unpublished', right: 'publish' },
  withdraw: { from: ['published'], to: 'withdrawn', right: 'publish', noteRequired: true },
}

/** States in which a locale's live copy is on the public site. */
export const liveStates: readonly WorkflowState[] = ['published', 'withdrawn']

/** Actions allowed from `state`, for 409 answers and the admin's buttons. */
export function allowedActions(state: WorkflowState): WorkflowAction[] {
  return (Object.keys(transitions) as (keyof typeof transitions)[]).filter((a) => transitions[a].from.includes(state))
}

export type TransitionCheck =
  | { ok: true; to: WorkflowState; transition: Transition }
  | { ok: false; status: 409 | 400; message: string; allowed: WorkflowAction[] }

/** Pure check of a transition; who may do it is decided by the caller (rights, second eyes). */
export function checkTransition(state: WorkflowState, action: WorkflowAction, note?: string): TransitionCheck {
  if (action === 'confirm_translation') return { ok: false, status: 400, message: 'confirm_translation is not a state transition', allowed: allowedActions(state) }
  const transition = transitions[action]
  if (!transition) return { ok: false, status: 400, message: `Unknown action "${action}".`, allowed: allowedActions(state) }
  if (!transition.from.includes(state)) {
    const allowed = allowedActions(state)
    return { ok: false, status: 409, message: `Cannot ${action} from "${state}". Allowed: ${allowed.join(', ') || 'none'}.`, allowed }
  }
  if (transition.noteRequired && !note?.trim()) {
    return { ok: false, status: 400, message: `A reason ("note") is required to ${action}.`, allowed: allowedActions(state) }
  }
  return { ok: true, to: transition.to, transition }
}

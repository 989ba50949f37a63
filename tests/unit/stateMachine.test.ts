import { describe, expect, it } from 'vitest'
import { allowedActions, checkTransition, workflowStates, type WorkflowAction, type WorkflowState } from '../../cms/workflow/stateMachine'

/**
 * Every state × action, written out by hand: the resulting state, or 409 when the action is
 * not allowed from that state. (Who may do it is tested over HTTP in tests/int/workflow.test.ts.)
 */
const actions: WorkflowAction[] = ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish', 'withdraw']
const table: Record<WorkflowState, Partial<Record<WorkflowAction, WorkflowState>>> = {
  draft: { submit: 'in_review' },
  in_review: { approve: 'approved', reject: 'draft', publish: 'published', schedule: 'scheduled' },
  approved: { reject: 'draft', publish: 'published', schedule: 'scheduled' },
  scheduled: { reject: 'draft', publish: 'published' },
  published: { unpublish: 'unpublished', withdraw: 'withdrawn' },
  unpublished: { submit: 'in_review' },
  withdrawn: { unpublish: 'unpublished' },
}

describe('workflow state machine', () => {
  const cases = workflowStates.flatMap((state) => actions.map((action) => ({ state, action, to: table[state][action] ?? null })))

  it.each(cases)('$state --$action--> $to', ({ state, action, to }) => {
    const result = checkTransition(state, action, 'a reason')
    if (to) expect(result).toMatchObject({ ok: true, to })
    else {
      expect(result).toMatchObject({ ok: false, status: 409 })
      expect(result.ok === false && result.message).toContain(`Allowed: ${allowedActions(state).join(', ') || 'none'}`)
    }
  })

  it('lists exactly the allowed actions of each state', () => {
    for (const state of workflowStates) expect(allowedActions(state).sort()).toEqual(Object.keys(table[state]).sort())
  })

  it.each(['reject', 'withdraw'] as const)('requires a reason to %s', (action) => {
    const from = action === 'reject' ? 'in_review' : 'published'
    expect(checkTransition(from, action, '   ')).toMatchObject({ ok: false, status: 400 })
    expect(checkTransition(from, action)).toMatchObject({ ok: false, status: 400 })
  })
})

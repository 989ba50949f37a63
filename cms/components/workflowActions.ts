import { callApi, type ApiResult } from './adminApi'
import type { WorkflowView } from './workflowOffer'

type Config = Parameters<typeof callApi>[0]
export type Step = { locale: string; action: string; note?: string }

/**
 * Several workflow actions in a row through the same endpoint as one click ("submit all changed
 * languages", "approve and publish"). Approve and publish send the revision the user was shown,
 * so a text changed meanwhile is refused, not published unseen. Stops at the first refusal.
 */
export async function runSteps(config: Config, endpoint: string, view: WorkflowView, steps: Step[]): Promise<ApiResult<WorkflowView>> {
  let last: ApiResult<WorkflowView> = { ok: true, data: view }
  for (const step of steps) {
    const body: Record<string, string> = { locale: step.locale, action: step.action }
    if (step.note) body.note = step.note
    const revision = (view.locales[step.locale] as { revision?: string | null } | undefined)?.revision
    if (revision && ['approve', 'publish', 'schedule'].includes(step.action)) body.revision = revision
    last = await callApi<WorkflowView>(config, endpoint, { method: 'POST', body: JSON.stringify(body) })
    if (!last.ok) return last
  }
  return last
}

/** Approve, then publish, one locale; the comment goes into the approval's audit event. */
export const approveAndPublish = (locale: string, note?: string): Step[] => [
  { locale, action: 'approve', note },
  { locale, action: 'publish' },
]

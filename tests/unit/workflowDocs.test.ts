import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { transitions, workflowActions, workflowStates } from '../../cms/workflow/stateMachine'

/** docs/workflow.md's transitions table says what the code does: same rows, states, rights and flags. */
const doc = readFileSync(path.join(import.meta.dirname, '../../docs/workflow.md'), 'utf8')
const section = doc.slice(doc.indexOf('## Transitions'), doc.indexOf('\n## ', doc.indexOf('## Transitions') + 1))
const rows = section
  .split('\n')
  .filter((line) => /^\| `/.test(line))
  .map((line) => {
    const [action, from, to, right, secondEyes, notes] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim())
    return { action: action!.replace(/`/g, ''), from: from!, to: to!, right: right!, secondEyes: secondEyes!, notes: notes! }
  })
const states = (cell: string) => (cell === 'any' ? [...workflowStates] : cell.split(',').map((s) => s.trim()))

describe('docs/workflow.md transitions table', () => {
  it('has one row per action of the code, in the same order', () => {
    expect(rows.map((r) => r.action)).toEqual([...workflowActions])
  })

  it.each(rows)('$action: from, to, right and flags match the code', (row) => {
    const t = transitions[row.action as keyof typeof transitions]
    expect(states(row.from).sort()).toEqual([...t.from].sort())
    expect(row.to).toBe(t.to ?? '(unchanged)')
    expect(row.right.split(',')[0]).toBe(t.right)
    expect(row.right.includes('HQ only')).toBe(Boolean(t.hqOnly))
    expect(row.secondEyes === 'yes').toBe(Boolean(t.secondEyes))
    expect(row.notes.includes('note required')).toBe(Boolean(t.noteRequired))
    expect(row.notes.includes('articles only')).toBe(t.collections?.length === 1 && t.collections[0] === 'articles')
  })
})

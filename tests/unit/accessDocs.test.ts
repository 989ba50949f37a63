import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleRights, grantableByMissionAdmin, hqRoles, missionRoles, type ArticleAction, type Role } from '../../cms/access/roles'
import { transitions } from '../../cms/workflow/stateMachine'

/** docs/access.md's role table says what cms/access/roles.ts grants: same roles, same article rights. */
const doc = readFileSync(path.join(import.meta.dirname, '../../docs/access.md'), 'utf8')
const header = '| role | articles of own missions |'
const table = doc.slice(doc.indexOf(header)).split('\n\n')[0]!
const rows = new Map(
  table
    .split('\n')
    .slice(2)
    .map((line) => {
      const [role, own, other, users] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim())
      return [role!, { own: own!, other: other!, users: users! }] as const
    }),
)

const roleNames: Record<Role, string> = {
  'hq-admin': 'HQ admin',
  'hq-editor': 'HQ editor',
  'mission-admin': 'mission admin',
  reviewer: 'reviewer',
  'press-officer': 'press officer',
  translator: 'translator',
}
const plural: Record<string, string> = { reviewer: 'reviewers', 'press-officer': 'press officers', translator: 'translators' }

/** The rights a cell names: "edit" is update and translate, "edit only assigned locales" translate alone. */
function rightsIn(cell: string): ArticleAction[] {
  const text = cell.replace(/\([^)]*\)/g, '')
  const words = (w: string) => new RegExp(`\\b${w}\\b`).test(text)
  const rights: ArticleAction[] = (['create', 'read', 'publish', 'delete'] as const).filter(words)
  if (/\bedit only assigned locales\b/.test(text)) rights.push('translate')
  else if (words('edit')) rights.push('update', 'translate')
  return rights
}

describe('docs/access.md role table', () => {
  it('has one row per role of the code, and the anonymous reader', () => {
    expect([...rows.keys()]).toEqual([...[...hqRoles, ...missionRoles].map((r) => roleNames[r]), 'anonymous'])
  })

  it.each([...hqRoles, ...missionRoles])('%s: the article rights match articleRights', (role) => {
    const row = rows.get(roleNames[role])!
    expect(rightsIn(row.own).sort()).toEqual([...articleRights[role]].sort())
    // "submit" is named where it is the role's way to publication: held, but no publish right.
    if (row.own.includes('submit')) expect(articleRights[role]).toContain(transitions.submit.right)
    // HQ roles act on every mission alike; mission roles see other missions' articles as the public does.
    expect(row.other).toBe((hqRoles as readonly string[]).includes(role) ? 'same' : 'published only')
  })

  it('names the roles a mission admin may grant', () => {
    const cell = rows.get(roleNames['mission-admin'])!.users
    for (const role of missionRoles) expect(cell.includes(plural[role] ?? `${roleNames[role]}s,`)).toBe(grantableByMissionAdmin.includes(role))
  })

  it('gives the anonymous reader published articles only', () => {
    expect(rows.get('anonymous')!.own).toBe('published only')
  })
})

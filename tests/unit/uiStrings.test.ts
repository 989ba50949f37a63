import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lookupUiString, sectionSlug, uiLocales, uiResources, uiString } from '#core/uiStrings'
import { useTranslations } from '../../site/src/i18n'

const localesDir = path.join(import.meta.dirname, '../../locales')

describe('core/uiStrings', () => {
  it('serves every locale file, and every file has the same keys', () => {
    const files = readdirSync(localesDir).filter((f) => f.endsWith('.json'))
    expect(uiLocales.sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort())
    const keys = (l: string) => Object.keys(JSON.parse(readFileSync(path.join(localesDir, `${l}.json`), 'utf8')) as object).sort()
    for (const l of uiLocales) expect(keys(l)).toEqual(keys('en'))
  })

  it('gives i18next (the site) and the server side the same strings', () => {
    for (const l of uiLocales) {
      const t = useTranslations(l)
      expect(t('site.home')).toBe(uiString(l, 'site.home'))
      expect(t('section.news.slug')).toBe(sectionSlug(l, 'news'))
    }
    expect(sectionSlug('vi', 'news')).toBe('tin-tuc')
    expect(lookupUiString('xx', 'site.home')).toBe(uiResources.en!['site.home'])
  })

  it('makes a misspelt key a type error (npm run typecheck fails if these lines compile)', () => {
    const neverCalled = () => {
      // @ts-expect-error 'site.hoem' is not a key of locales/en.json
      uiString('en', 'site.hoem')
      // @ts-expect-error the same key through i18next's typed t (CustomTypeOptions)
      useTranslations('en')('site.hoem')
    }
    expect(typeof neverCalled).toBe('function')
  })
})

import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ExportedArticle } from './exportContract'

/**
 * How exported articles are stored between the export (pipeline/) and the site build: one
 * JSON-lines file per mission and locale, `<content>/<mission>/articles.<locale>.jsonl`, one
 * article per line. (A file per article meant tens of thousands of small files to write, read
 * and delete per build: seconds of file-system work at 96 missions.)
 */
export const articlesFile = (missionDir: string, locale: string) => path.join(missionDir, `articles.${locale}.jsonl`)

/** Appends a batch of articles (the export writes one page of query results at a time). */
export function appendArticles(missionDir: string, locale: string, articles: ExportedArticle[]) {
  if (articles.length) appendFileSync(articlesFile(missionDir, locale), articles.map((a) => `${JSON.stringify(a)}\n`).join(''))
}

export function readArticles(missionDir: string, locale: string): ExportedArticle[] {
  const file = articlesFile(missionDir, locale)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ExportedArticle)
}

/** Puts `article` in place of the one with its id (or adds it): the draft preview's overlay. */
export function replaceArticle(missionDir: string, locale: string, article: ExportedArticle) {
  const others = readArticles(missionDir, locale).filter((a) => a.id !== article.id)
  writeFileSync(articlesFile(missionDir, locale), [...others, article].map((a) => `${JSON.stringify(a)}\n`).join(''))
}

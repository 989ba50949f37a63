import { uiString, type UiKey } from '#core/uiStrings'

/** A UI string from locales/<locale>.json with its {{placeholders}} filled (no escaping: callers escape for HTML). */
export function tr(locale: string, key: UiKey, vars: Record<string, string> = {}): string {
  return uiString(locale, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '')
}

import type { APIRoute } from 'astro'
import { missions } from '../../data/content'

export function getStaticPaths() {
  return missions().map((m) => ({ params: { mission: m.code } }))
}

/**
 * Starts Pagefind's UI on the search page. A file rather than an inline script, so the
 * sites' Content-Security-Policy can forbid inline scripts. Result URLs in the index are
 * relative to the locale's home (data-base); the UI's language follows <html lang>.
 */
const script = `window.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  new PagefindUI({ element: el, bundlePath: el.dataset.bundle, baseUrl: el.dataset.base, showImages: false, showSubResults: false, autofocus: true });
});
`

export const GET: APIRoute = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } })

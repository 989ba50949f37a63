/**
 * Origins the admin accepts cookie-authenticated writes (CSRF) and cross-origin calls (CORS)
 * from: SERVER_URL, and for a loopback SERVER_URL its other loopback spellings, so an admin
 * opened at http://127.0.0.1:3000 while SERVER_URL says http://localhost:3000 works too.
 * A public SERVER_URL gets no aliases.
 */
const loopbackHosts = ['localhost', '127.0.0.1', '[::1]']

export function adminOrigins(serverURL: string): string[] {
  const url = new URL(serverURL)
  if (!loopbackHosts.includes(url.hostname)) return [url.origin]
  return loopbackHosts.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`)
}

// Preloaded into the admin's `next start` (node --import, scripts/lib/adminBuild.ts). Next only
// sets X-Forwarded-For to the connection's peer when a request has none, so a client talking to
// the server directly could name any address. Like a proxy, the server appends the peer it saw;
// cms/endpoints/clientAddress.ts reads the chain back from that entry.
import http from 'node:http'

const createServer = http.createServer
http.createServer = function createServerAppendingPeer(...args) {
  const server = createServer.apply(this, args)
  server.prependListener('request', (req) => {
    const peer = req.socket.remoteAddress
    if (!peer) return
    const seen = req.headers['x-forwarded-for']
    const previous = Array.isArray(seen) ? seen.join(', ') : seen
    req.headers['x-forwarded-for'] = previous ? `${previous}, ${peer}` : peer
  })
  return server
}

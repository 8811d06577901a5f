// automerge-repo's sync server for the benchmark: a Repo on NodeFS storage behind a WebSocket
// server that announces no document to anyone (sharePolicy off), as its docs describe a sync server.
// Usage: node server.mjs <data-dir> <port>. Prints "listening" when ready; SIGTERM saves and exits.
import { Repo } from "@automerge/automerge-repo"
import { WebSocketServerAdapter } from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"
import { WebSocketServer } from "ws"

const [dataDir, port] = process.argv.slice(2)
// stdout is the bench's line protocol. What automerge-repo says on the console, and the promises it
// leaves unhandled, are counted and summed up on stderr at exit.
const notes = new Map()
const note = text => notes.set(text, (notes.get(text) ?? 0) + 1)
console.log = (...args) => note(`console: ${String(args[0]).replace(/[\w-]{20,}/g, "<id>")}`)
const wss = new WebSocketServer({ host: "127.0.0.1", port: Number(port) })
// The adapter's stock 5 s keep-alive drops a client whose pong waits behind seconds of queued upload
// on a 2G link; 30 minutes keeps it out of every measurement (no ping crosses the proxy either).
const network = new WebSocketServerAdapter(wss, 30 * 60 * 1000)
const repo = new Repo({ network: [network], storage: new NodeFSStorageAdapter(dataDir), sharePolicy: async () => false })
wss.on("listening", () => process.stdout.write("listening\n"))
// Over 2G a document's handle can wait more than automerge-repo's 60 s for the document's data
// to arrive, and its synchronizer does not catch that TimeoutError: by default Node would end the
// whole server on it. This server keeps serving and counts it.
process.on("unhandledRejection", error => note(`unhandled rejection: ${error?.message ?? error}`))
process.on("SIGTERM", async () => {
  // Save what is loaded; a handle still waiting for its first data has nothing to save.
  const ready = Object.values(repo.handles).filter(h => h.isReady()).map(h => h.documentId)
  await repo.flush(ready).catch(error => note(`flush failed: ${error?.message ?? error}`))
  for (const [text, count] of notes) console.error(`automerge-repo server: ${count} × ${text}`)
  process.exit(0)
})

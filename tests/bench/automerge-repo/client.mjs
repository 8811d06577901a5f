// automerge-repo's device side for the benchmark, driven by `cargo bench --bench sync` over stdin.
//
//   node client.mjs create <dir> <workload.json>   writes the workload's drafts offline, then exits
//   node client.mjs session <dir> <workload.json> <ws-url>
//       reads commands, one a line, and answers each with "done <microseconds>":
//       sync          connect (a new Repo with the WebSocket adapter), open every document, wait
//       edit <set>    apply the workload's edits <set> ("one" or "tenth") to open documents, wait
//       exit          save and leave ("bye")
//
// "Done" uses automerge-repo's own bookkeeping: the Repo records, per document and per peer storage
// id, the heads that peer last told us it has (DocHandle.getSyncInfo, fed by the sync states'
// theirHeads). A document is done when the server's storage id has heads equal to the document's
// own heads, reported after the command started. The clock starts before the Repo is made (sync)
// or before the first change (edit): automerge-repo starts syncing by itself on either.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { Repo, updateText } from "@automerge/automerge-repo"
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"

const [mode, dir, workloadPath, url] = process.argv.slice(2)
// stdout is the line protocol with the bench; automerge-repo's own console.log notes go to stderr.
const say = line => process.stdout.write(`${line}\n`)
console.log = console.error
// As in server.mjs: a handle's 60 s timeout in a background promise must not end the device.
process.on("unhandledRejection", error => console.error(`automerge-repo client: unhandled rejection: ${error?.message ?? error}`))
const workload = JSON.parse(readFileSync(workloadPath, "utf8"))
const storage = () => new NodeFSStorageAdapter(join(dir, "repo"))
const urlsPath = join(dir, "urls.json")

if (mode === "create") {
  // Offline, like drafts written with no link: same fields as mCommunity's submissions, and the text
  // written in the same saves.
  const repo = new Repo({ storage: storage(), network: [] })
  const urls = workload.docs.map(d => {
    const now = Date.now()
    const handle = repo.create({
      type: "submission", schema: 1, profile: workload.profile, kind: d.kind, category: null,
      title: "", text: "", status: "draft", createdAt: now, updatedAt: now,
    })
    d.saves.forEach((text, i) =>
      handle.change(doc => {
        if (i === 0) {
          doc.category = d.category
          updateText(doc, ["title"], d.title)
        }
        updateText(doc, ["text"], text)
        doc.updatedAt = Date.now()
      }),
    )
    return handle.url
  })
  await repo.flush()
  writeFileSync(urlsPath, JSON.stringify(urls))
  process.exit(0)
} else if (mode !== "session") {
  console.error(`unknown mode ${mode}`)
  process.exit(2)
}

const urls = JSON.parse(readFileSync(urlsPath, "utf8"))
let repo
let handles

const sameHeads = (a, b) => a.length === b.length && [...a].sort().every((h, i) => h === [...b].sort()[i])

/** Resolves when the server has told us, after `since` (ms since the epoch), that it has each handle's heads. */
async function serverHas(pending, since) {
  for (;;) {
    const server = repo.peers[0]
    const storageId = server && repo.getStorageIdOfPeer(server)
    if (storageId) {
      pending = pending.filter(h => {
        const info = h.getSyncInfo(storageId)
        return !(info && info.lastSyncTimestamp >= since && sameHeads(info.lastHeads, h.heads()))
      })
      if (pending.length === 0) return
    }
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

const micros = start => Math.round((performance.now() - start) * 1000)

say("ready")
for await (const line of createInterface({ input: process.stdin })) {
  const [command, arg] = line.trim().split(/\s+/)
  if (command === "sync") {
    const since = Date.now()
    const start = performance.now()
    // sharePolicy stays at its default (announce every document) so the device offers them all.
    repo = new Repo({ storage: storage(), network: [new WebSocketClientAdapter(url)] })
    handles = await Promise.all(urls.map(u => repo.find(u)))
    await serverHas(handles, since)
    say(`done ${micros(start)}`)
  } else if (command === "edit") {
    const edits = workload.edits[arg]
    const since = Date.now()
    const start = performance.now()
    for (const edit of edits) {
      handles[edit.doc].change(doc => {
        updateText(doc, ["text"], edit.text)
        doc.updatedAt = Date.now()
      })
    }
    await serverHas(edits.map(e => handles[e.doc]), since)
    say(`done ${micros(start)}`)
  } else if (command === "exit") {
    // Saves are throttled (100 ms); let the last ones land so a restart finds everything on disk.
    await repo?.shutdown()
    await new Promise(resolve => setTimeout(resolve, 500))
    say("bye")
    process.exit(0)
  } else {
    console.error(`unknown command ${line}`)
    process.exit(2)
  }
}

// Live minutes load (issue 16's target), run by bench/live-minutes.sh: N simulated editors (real
// Yjs documents, as the browser island has them) on one minutes document, split over the given
// instances, each typing one character every INTERVAL ms for DURATION ms into the same item.
// Prints keystroke-to-other-screen propagation (every other editor's arrival of every keystroke,
// timed on one clock since all editors live in this process), characters lost (each editor's
// count of every editor's characters at the end against what was sent) and acknowledgement times.
// Needs Node's WebSocket (node --experimental-websocket on Node 20).
import * as Y from '../frontend/node_modules/yjs/dist/yjs.mjs';

const meeting = Number(process.env.MEETING);
const targets = process.env.TARGETS.split(',').map((t) => {
  const [port, token] = t.split('=');
  return { port: Number(port), token };
});
const EDITORS = Number(process.env.EDITORS ?? 30);
// three editors to an item, so several write into the same item at once and no item outgrows the minutes' 8,000 characters
const ITEMS = Math.max(1, Math.ceil(EDITORS / 3));
const INTERVAL = Number(process.env.INTERVAL_MS ?? 200);
const DURATION = Number(process.env.DURATION_MS ?? 60000);

const b64 = (u) => Buffer.from(u).toString('base64');
const unb64 = (s) => new Uint8Array(Buffer.from(s, 'base64'));
const sentAt = new Map();
const latencies = [];
const acks = [];
const warmLatencies = [];
const WARM_UP = 10000;
// propagation per 10 s of typing, to see the first seconds apart
const WINDOW = 10000;
const byWindow = [];
let started = Infinity; // when typing starts (arrivals before it are not timed)
// every editor writes its own character (a kanji of its own), so the end can be counted per editor
const glyph = (i) => String.fromCharCode(0x4e00 + 17 * i);

class Editor {
  constructor(i, target) {
    this.i = i;
    this.doc = new Y.Doc();
    this.doc.clientID = 100000 + i;
    this.sent = 0;
    this.nextId = 1;
    this.pending = new Map();
    this.ready = new Promise((resolve, reject) => {
      this.ws = new WebSocket(`ws://127.0.0.1:${target.port}/live/minutes/${meeting}`, {
        headers: { Authorization: `Bearer ${target.token}` },
      });
      this.ws.onerror = (e) => reject(new Error(`editor ${i}: ${e.message ?? 'socket error'}`));
      this.ws.onclose = (e) => {
        if (!this.done) {
          console.error(`editor ${i} closed: ${e.code} ${e.reason}`);
        }
        reject(new Error(`editor ${i} closed before it had the document`));
      };
      this.ws.onmessage = (event) => {
        const m = JSON.parse(event.data);
        if (m.type === 'welcome') {
          this.ws.send(JSON.stringify({ type: 'hello', sv: b64(Y.encodeStateVector(this.doc)), doc: meeting }));
        } else if (m.type === 'sync') {
          Y.applyUpdate(this.doc, unb64(m.update), 'remote');
          resolve();
        } else if (m.type === 'update' || m.type === 'updates') {
          const now = performance.now();
          for (const u of m.type === 'updates' ? m.updates : [m.update]) {
            const data = unb64(u);
            for (const s of Y.decodeUpdate(data).structs) {
              const at = sentAt.get(`${s.id.client}:${s.id.clock}`);
              if (at !== undefined && s.id.client !== this.doc.clientID) {
                latencies.push(now - at);
                const w = Math.floor((at - started) / WINDOW);
                (byWindow[w] ??= []).push(now - at);
                if (at - started >= WARM_UP) {
                  warmLatencies.push(now - at);
                }
              }
            }
            Y.applyUpdate(this.doc, data, 'remote');
          }
        } else if (m.type === 'ack') {
          const t = this.pending.get(m.id);
          if (t !== undefined) {
            acks.push(performance.now() - t);
            this.pending.delete(m.id);
          }
        }
      };
    });
    this.doc.on('update', (update, origin) => {
      if (origin === 'remote') {
        return;
      }
      const id = this.nextId++;
      for (const s of Y.decodeUpdate(update).structs) {
        sentAt.set(`${s.id.client}:${s.id.clock}`, performance.now());
      }
      this.pending.set(id, performance.now());
      this.ws.send(JSON.stringify({ type: 'update', id, update: b64(update), doc: meeting }));
    });
  }

  type() {
    const text = this.doc.getArray('items').get(this.i % ITEMS).get('content');
    // somewhere in the text, as people insert into the middle of what others wrote
    const at = Math.floor(Math.random() * (text.length + 1));
    text.insert(at, glyph(this.i));
    this.sent++;
  }

  count(i) {
    const text = this.doc.getArray('items').get(i % ITEMS).get('content').toString();
    let n = 0;
    for (const ch of text) {
      if (ch === glyph(i)) {
        n++;
      }
    }
    return n;
  }
}

const pct = (xs, p) => {
  if (xs.length === 0) {
    return NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const editors = [];
for (let i = 0; i < EDITORS; i++) {
  editors.push(new Editor(i, targets[i % targets.length]));
}
await Promise.all(editors.map((e) => e.ready));
// the first editor adds the items, and everyone waits until they have them
const first = editors[0].doc;
first.transact(() => {
  const items = first.getArray('items');
  while (items.length < ITEMS) {
    const item = new Y.Map();
    item.set('key', `bench-${items.length}`);
    item.set('agenda', null);
    for (const f of ['theme', 'content', 'results']) {
      item.set(f, new Y.Text(f === 'theme' ? `項目 ${items.length + 1}` : ''));
    }
    items.push([item]);
  }
});
while (editors.some((e) => e.doc.getArray('items').length < ITEMS)) {
  await new Promise((r) => setTimeout(r, 50));
}
latencies.length = 0;
acks.length = 0;
console.log(`${EDITORS} editors connected over ${targets.length} instance(s), ${ITEMS} items; typing for ${DURATION / 1000} s, one character every ${INTERVAL} ms each`);

started = performance.now();
const cpuAtStart = process.cpuUsage();
await new Promise((resolve) => {
  editors.forEach((e, k) => {
    setTimeout(() => {
      const timer = setInterval(() => {
        if (performance.now() - started >= DURATION) {
          clearInterval(timer);
          return;
        }
        e.type();
      }, INTERVAL);
    }, (k * INTERVAL) / EDITORS);
  });
  setTimeout(resolve, DURATION + INTERVAL);
});
// let the last keystrokes arrive everywhere
const settle = performance.now();
while (performance.now() - settle < 15000 && editors.some((e) => e.pending.size > 0)) {
  await new Promise((r) => setTimeout(r, 100));
}
await new Promise((r) => setTimeout(r, 2000));

const sent = editors.reduce((n, e) => n + e.sent, 0);
let lost = 0;
let worst = 0;
for (const viewer of editors) {
  let missing = 0;
  for (const author of editors) {
    missing += Math.max(0, author.sent - viewer.count(author.i));
  }
  lost += missing;
  worst = Math.max(worst, missing);
}
const unacked = editors.reduce((n, e) => n + e.pending.size, 0);
const expected = sent * (EDITORS - 1);
console.log(`keystrokes sent: ${sent} (${(sent / (DURATION / 1000)).toFixed(1)} per second)`);
console.log(`propagation to other screens: ${latencies.length} of ${expected} arrivals timed; p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.reduce((m, x) => Math.max(m, x), 0).toFixed(1)} ms`);
console.log(`  p99 per ${WINDOW / 1000} s of typing: ${byWindow.map((xs) => pct(xs, 99).toFixed(0)).join(', ')} ms`);
console.log(`  of keystrokes typed after the first ${WARM_UP / 1000} s (both instances warm): p50 ${pct(warmLatencies, 50).toFixed(1)} ms, p99 ${pct(warmLatencies, 99).toFixed(1)} ms`);
const cpu = process.cpuUsage(cpuAtStart);
console.log(`this simulator's own CPU (30 Yjs documents and sockets in one Node process): ${((cpu.user + cpu.system) / 1000 / (performance.now() - started) * 100).toFixed(0)}% of one core`);
console.log(`stored and acknowledged: p50 ${pct(acks, 50).toFixed(1)} ms, p99 ${pct(acks, 99).toFixed(1)} ms; never acknowledged: ${unacked}`);
console.log(`characters lost: ${lost} over all ${EDITORS} screens (worst screen ${worst})`);
console.log(`RESULT sent=${sent} lost=${lost} p50=${pct(latencies, 50).toFixed(1)} p99=${pct(latencies, 99).toFixed(1)} unacked=${unacked}`);
for (const e of editors) {
  e.done = true;
  e.ws.close();
}
process.exit(lost === 0 && unacked === 0 ? 0 : 1);

// played: proof of play. Every item that was really on screen is recorded
// ({key, notice_id, start, duration_ms}), batched into `played` frames of at
// most 100 items with a frame id, and kept in localStorage until the server
// acknowledges that id, so nothing is lost across disconnects or restarts.
import { load, save } from './store.js';

const MAX_ITEMS = 100;
const MAX_BATCHES = 500; // at most 50,000 records wait offline; the oldest go first
const FLUSH_ITEMS = 20;

let q = load('played', { pending: [], batches: [] });
let send = null; // (id, data) => bool, set while connected
let flushTimer = null;
let sentNow = new Set(); // batch ids sent on the current connection

function persist() {
  save('played', q);
}

function newID() {
  const r = new Uint8Array(8);
  crypto.getRandomValues(r);
  return 'p-' + [...r].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// seal moves pending records into batches of at most MAX_ITEMS.
function seal() {
  while (q.pending.length) {
    q.batches.push({ id: newID(), items: q.pending.splice(0, MAX_ITEMS) });
  }
  if (q.batches.length > MAX_BATCHES) q.batches.splice(0, q.batches.length - MAX_BATCHES);
  persist();
}

// record adds one play.
export function record(item) {
  q.pending.push(item);
  persist();
  if (q.pending.length >= FLUSH_ITEMS) flush();
}

// flush seals the pending records and sends every unacknowledged batch.
export function flush() {
  if (q.pending.length) seal();
  if (!send) return;
  for (const b of q.batches) {
    if (sentNow.has(b.id)) continue;
    if (send(b.id, { items: b.items })) sentNow.add(b.id);
  }
}

// online starts sending through sendFn (after hello) and resends what the
// server has not acknowledged; offline() stops.
export function online(sendFn) {
  send = sendFn;
  sentNow = new Set();
  flush();
  clearInterval(flushTimer);
  flushTimer = setInterval(() => { if (q.pending.length) flush(); }, 60000);
}

export function offline() {
  send = null;
  clearInterval(flushTimer);
}

// acked drops the batch with that frame id; it reports whether it was one.
export function acked(id) {
  const n = q.batches.length;
  q.batches = q.batches.filter((b) => b.id !== id);
  if (q.batches.length === n) return false;
  persist();
  return true;
}

// waiting returns how many records are not yet acknowledged.
export function waiting() {
  return q.pending.length + q.batches.reduce((n, b) => n + b.items.length, 0);
}

// reset drops everything (the screen was revoked).
export function reset() {
  q = { pending: [], batches: [] };
  persist();
}

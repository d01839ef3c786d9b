// rotation: plays the playlist's items one after the other for their
// duration_s, forever, whether or not the server is reachable. It skips
// notices whose 公示 period has ended (R7), even offline, and statistics
// without figures; records what was really visible for proof of play; and
// marks the page with the playing item (data-item) and a count of items
// shown (data-seq).
import { today, now, iso } from '/assets/shared/clock.js';
import { statsParts } from './widgets.js';

const FALLBACK = { key: 'fallback-clock', type: 'clock', duration_s: 30, fallback: true };

// onAir tells whether an item is on air at t (server ms): between its
// start and end instants (RFC 3339), where it has them.
export function onAir(it, t = now()) {
  return !(it.end && Date.parse(it.end) <= t) && !(it.start && Date.parse(it.start) > t);
}

export class Rotation {
  // opts: show(item) → stop function, played(record).
  constructor(opts) {
    this.o = opts;
    this.items = [];
    this.current = null;
    this.stopShow = null;
    this.timer = null;
    this.seq = 0;
    this.visible = true;
    this.segment = 0; // when the current item became visible (server ms)
  }

  // playable returns the items that may play now: on air by their end
  // instant (a notice's expiry or 公示 end, the end of the daypart), by
  // the server's time kept offline too.
  playable() {
    const d = today();
    const t = now();
    return this.items.filter((it) => onAir(it, t) && !(it.notice && it.notice.notice_end && it.notice.notice_end < d) &&
      !(it.type === 'stats' && statsParts(it.stats).length === 0));
  }

  // setItems takes a new list. The playing item goes on if it is still in
  // the list (re-drawn when its content changed); otherwise the next starts.
  setItems(items) {
    this.items = Array.isArray(items) ? items : [];
    const cur = this.current;
    if (!cur) return this.next();
    const same = this.playable().find((it) => it.key === cur.key);
    if (!same || cur.fallback) return this.next();
    if (JSON.stringify(same) !== JSON.stringify(cur)) {
      this.current = same;
      this.draw();
    }
  }

  // next ends the current item and starts the one after it.
  next() {
    clearTimeout(this.timer);
    this.close();
    const list = this.playable();
    let item = FALLBACK;
    if (list.length) {
      const at = this.current ? list.findIndex((it) => it.key === this.current.key) : -1;
      item = at >= 0 ? list[(at + 1) % list.length] : this.after(list);
    }
    this.current = item;
    this.seq++;
    this.draw();
    if (this.visible) this.segment = now();
    // An item leaves at its end instant, not at the end of its turn.
    const left = item.end ? Date.parse(item.end) - now() : Infinity;
    const ms = Math.max(250, Math.min(Math.max(2, Number(item.duration_s) || 10) * 1000, left));
    this.timer = setTimeout(() => this.next(), ms);
  }

  // after picks the item that followed the vanished current one in the
  // old order, or the first.
  after(list) {
    if (!this.current) return list[0];
    const old = this.lastOrder || [];
    const i = old.indexOf(this.current.key);
    for (let k = 1; i >= 0 && k <= old.length; k++) {
      const key = old[(i + k) % old.length];
      const found = list.find((it) => it.key === key);
      if (found) return found;
    }
    return list[0];
  }

  draw() {
    if (this.stopShow) this.stopShow();
    this.lastOrder = this.items.map((it) => it.key);
    this.stopShow = this.o.show(this.current) || null;
    const ds = document.body.dataset;
    ds.item = this.current.key;
    ds.seq = String(this.seq);
  }

  // close records the visible time of the current item.
  close() {
    const cur = this.current;
    if (!cur || cur.fallback || !this.visible || !this.segment) return;
    const ms = now() - this.segment;
    this.segment = 0;
    if (ms < 1000) return;
    const rec = { key: cur.key, start: iso(now() - ms), duration_ms: Math.round(ms) };
    if (cur.notice && cur.notice.id) rec.notice_id = cur.notice.id;
    this.o.played(rec);
  }

  // setVisible tells whether the items can be seen (not under an emergency
  // or in standby): only visible time counts as played.
  setVisible(v) {
    if (v === this.visible) return;
    if (!v) this.close();
    this.visible = v;
    if (v) this.segment = now();
  }

  // redraw draws the current item again (after a profile or language
  // change).
  redraw() {
    if (this.current) this.draw();
  }

  // playing returns the key of the current item.
  playing() {
    return this.current && !this.current.fallback ? this.current.key : '';
  }
}

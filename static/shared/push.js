// push: the WebSocket client of screens and kiosks (protocol v1, see
// docs/protocol.md). It reconnects by itself with exponential backoff and
// full jitter capped at 30 s, so thousands of devices returning after a
// server restart spread out, sends heartbeats, and acknowledges messages.
export const CLOSE_UNAUTHORIZED = 4001;
export const CLOSE_REPLACED = 4000;

export class Push {
  // opts: kind, token, onMessage(msg), onState('connecting'|'open'|'closed'),
  // onUnauthorized(), heartbeat() -> data, heartbeatMs (30000),
  // baseMs (1000), capMs (30000), query() -> URL query of each attempt
  // (e.g. "have=<playlist version>").
  constructor(opts) {
    this.o = Object.assign({ heartbeatMs: 30000, baseMs: 1000, capMs: 30000 }, opts);
    this.attempt = 0;
    this.stopped = false;
    this.ws = null;
    this.timer = null;
    this.beat = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.beat);
    if (this.ws) this.ws.close(1000, 'bye');
  }

  connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.state('connecting');
    let ws;
    try {
      const q = this.o.query ? this.o.query() : '';
      ws = new WebSocket(`${proto}//${location.host}/ws${q ? '?' + q : ''}`, ['hallcast.v1', 'bearer.' + this.o.token]);
    } catch (e) {
      this.retry();
      return;
    }
    this.ws = ws;
    let openedAt = 0;
    ws.onopen = () => {
      openedAt = Date.now();
      this.state('open');
      this.sendHeartbeat();
      clearInterval(this.beat);
      this.beat = setInterval(() => this.sendHeartbeat(), this.o.heartbeatMs);
    };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg.v !== 1) return;
      if (msg.type === 'hello') this.attempt = 0;
      this.o.onMessage && this.o.onMessage(msg);
    };
    ws.onclose = (ev) => {
      clearInterval(this.beat);
      this.ws = null;
      this.state('closed');
      if (ev.code === CLOSE_UNAUTHORIZED) {
        this.stopped = true;
        this.o.onUnauthorized && this.o.onUnauthorized();
        return;
      }
      if (ev.code === CLOSE_REPLACED) {
        this.stopped = true; // another tab of this device took over
        return;
      }
      if (openedAt && Date.now() - openedAt > 10000) this.attempt = 0;
      if (!this.stopped) this.retry();
    };
  }

  // retry waits a random time in [0, min(cap, base·2^attempt)) (full jitter).
  retry() {
    const ceiling = Math.min(this.o.capMs, this.o.baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 16);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), Math.random() * ceiling);
  }

  state(s) {
    this.o.onState && this.o.onState(s);
  }

  send(type, id, data) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    const msg = { v: 1, type };
    if (id) msg.id = id;
    if (data !== undefined) msg.data = data;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  // heartbeatEvery changes the heartbeat interval (hello.heartbeat_seconds).
  heartbeatEvery(ms) {
    if (!(ms > 0) || ms === this.o.heartbeatMs) return;
    this.o.heartbeatMs = ms;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      clearInterval(this.beat);
      this.beat = setInterval(() => this.sendHeartbeat(), ms);
    }
  }

  // ack acknowledges message id and, in the same frame, the ids in more
  // (at most 31 of them: docs/protocol.md).
  ack(id, more) {
    return this.send('ack', id, more && more.length ? { ids: more } : undefined);
  }

  sendHeartbeat() {
    this.send('heartbeat', '', this.o.heartbeat ? this.o.heartbeat() : {});
  }
}

"use strict";
(function () {
  // The page's own address, token included: its requests go under it.
  const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
  const input = document.getElementById("photos");
  const list = document.getElementById("cards");
  const status = document.getElementById("status");
  const words = {
    sending: "Sending…", sent: "Sent: waiting to be read", read: "Read: in the review",
    saved: "Saved", skipped: "Skipped", problem: "Problem",
  };
  const byID = new Map(); // card ID -> its row
  const queue = [];
  let sending = false, stopped = false, n = 0, misses = 0;

  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? "status bad" : "status";
  }

  function row(file) {
    const li = document.createElement("li");
    const img = document.createElement("img");
    img.alt = "";
    img.src = URL.createObjectURL(file);
    const what = document.createElement("div");
    what.className = "what";
    const name = document.createElement("div");
    name.className = "name";
    n++;
    name.textContent = "Card " + n + (file.name ? " · " + file.name : "");
    const state = document.createElement("div");
    const reason = document.createElement("div");
    reason.className = "reason";
    what.append(name, state, reason);
    li.append(img, what);
    list.prepend(li);
    return { li, state, reason };
  }

  function show(r, state, why) {
    r.state.className = "state " + state;
    r.state.textContent = words[state] || state;
    r.li.dataset.state = state;
    r.reason.textContent = state === "problem" ? (why || "") : "";
  }

  function key() {
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  }

  async function send(item) {
    show(item.row, "sending");
    for (let attempt = 0; attempt < 3; attempt++) {
      let res;
      try {
        res = await fetch(base + "upload", {
          method: "POST", body: item.file, cache: "no-store",
          headers: { "Content-Type": item.file.type || "application/octet-stream", "X-Upload-Key": item.key,
            "X-File-Name": encodeURIComponent(item.file.name || "") },
        });
      } catch (e) {
        await new Promise((ok) => setTimeout(ok, 1000 * (attempt + 1)));
        continue; // the network: try again, under the same key
      }
      if (res.status === 404) { return gone(); }
      let body = {};
      try { body = await res.json(); } catch (e) { /* no JSON */ }
      if (res.ok && body.id) {
        item.row.li.dataset.id = body.id;
        byID.set(body.id, item.row);
        show(item.row, "sent");
        return;
      }
      show(item.row, "problem", body.error || ("the computer answered " + res.status));
      return;
    }
    show(item.row, "problem", "could not reach the computer");
  }

  async function pump() {
    if (sending) return;
    sending = true;
    while (queue.length && !stopped) {
      const left = queue.length;
      say(left === 1 ? "Sending a card…" : "Sending " + left + " cards…");
      await send(queue.shift());
    }
    sending = false;
    if (!stopped) say("");
  }

  function gone() {
    stopped = true;
    input.disabled = true;
    say("Receiving has stopped on the computer. Start it again there and scan the new code.", true);
  }

  input.addEventListener("change", () => {
    for (const file of input.files) {
      queue.push({ file, key: key(), row: row(file) });
    }
    input.value = "";
    pump();
  });

  async function poll() {
    if (stopped) return;
    try {
      const res = await fetch(base + "cards", { cache: "no-store" });
      if (res.status === 404) return gone();
      const body = await res.json();
      if (misses >= 3 && !sending) say("");
      misses = 0;
      for (const c of body.cards || []) {
        const r = byID.get(c.id);
        if (r && r.li.dataset.state !== c.state) show(r, c.state, c.reason);
      }
    } catch (e) {
      // The network: try again, and say so if it lasts.
      if (++misses === 3) say("The computer does not answer. Is the phone on the same Wi-Fi, and is receiving still on?", true);
    }
    setTimeout(poll, 1500);
  }
  poll();
})();

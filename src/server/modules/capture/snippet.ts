/**
 * The tracking snippet served at /t.js: plain browser JavaScript, no dependencies, no build step. Configured by
 * the script tag's `data-key`; posts to the origin it was loaded from. See docs/INGEST.md, "Web capture".
 *
 * - A visitor id (`v_` + 32 hex) in a first-party cookie and localStorage, kept 13 months.
 * - A page view per load (URL, title, referrer, the URL's UTM parameters) through navigator.sendBeacon.
 * - UTM first touch (kept once) and last touch (replaced by each new one) in localStorage, sent with forms.
 * - Forms marked `data-tandem-form` are sent as JSON (text/plain, so no preflight) with the visitor id; a hidden
 *   `tandem_hp` honeypot field is added to each. `data-tandem-success` replaces the form with that message;
 *   the form gets `data-tandem-state` (sending, sent, failed) and `tandem:submitted` / `tandem:failed` events.
 * - `window.tandem.page()` records another page view (single-page apps).
 */
export const SNIPPET_JS = String.raw`/* Tandem web capture snippet: see /capture/example */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.tandem) return;
  var key = script.getAttribute("data-key");
  if (!key) { console.warn("Tandem: add data-key=\"pk_...\" to the script tag"); return; }
  var base = new URL(script.src, location.href).origin + "/api/capture/v1/";
  var query = "?key=" + encodeURIComponent(key);
  var VID = "tandem_vid", FIRST = "tandem_utm_first", LAST = "tandem_utm_last", HP = "tandem_hp";

  function get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function put(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  function readJson(k) { try { return JSON.parse(get(k) || "null") || undefined; } catch (e) { return undefined; } }
  function cookie(name) {
    var m = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return m ? decodeURIComponent(m[1]) : null;
  }
  function randomId() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function cut(s, n) { return s ? String(s).slice(0, n) : undefined; }

  var vid = cookie(VID) || get(VID);
  if (!vid || !/^[A-Za-z0-9_-]{8,64}$/.test(vid)) vid = "v_" + randomId();
  document.cookie = VID + "=" + vid + "; path=/; max-age=34128000; SameSite=Lax" + (location.protocol === "https:" ? "; Secure" : "");
  put(VID, vid);

  function utmOf(search) {
    var p = new URLSearchParams(search), u = {}, n = 0;
    ["source", "medium", "campaign", "term", "content"].forEach(function (k) {
      var v = p.get("utm_" + k);
      if (v) { u[k] = v.slice(0, 200); n++; }
    });
    return n ? u : undefined;
  }

  function send(path, body, beacon) {
    var url = base + path + query, data = JSON.stringify(body);
    if (beacon && navigator.sendBeacon) {
      try { if (navigator.sendBeacon(url, new Blob([data], { type: "text/plain" }))) return Promise.resolve(true); } catch (e) { /* fall back to fetch */ }
    }
    return fetch(url, { method: "POST", mode: "cors", credentials: "omit", keepalive: true, headers: { "Content-Type": "text/plain" }, body: data })
      .then(function (r) { return r.ok; }, function () { return false; });
  }

  function page() {
    var utm = utmOf(location.search);
    if (utm) {
      if (!readJson(FIRST)) put(FIRST, JSON.stringify(utm));
      put(LAST, JSON.stringify(utm));
    }
    return send("events", { type: "page_view", clientEventId: randomId(), visitorId: vid, url: cut(location.href, 2000), title: cut(document.title, 500), referrer: cut(document.referrer, 2000), utm: utm }, true);
  }

  function fieldsOf(form) {
    var out = {};
    new FormData(form).forEach(function (v, k) {
      if (typeof v !== "string") return;
      out[k] = k in out ? [].concat(out[k], v) : v;
    });
    return out;
  }

  function addHoneypot(form) {
    if (form.querySelector("[name=" + HP + "]")) return;
    var i = document.createElement("input");
    i.type = "text"; i.name = HP; i.tabIndex = -1; i.autocomplete = "off";
    i.setAttribute("aria-hidden", "true");
    i.style.cssText = "position:absolute;left:-10000px;width:1px;height:1px;opacity:0";
    form.appendChild(i);
  }

  function onSubmit(e) {
    var form = e.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-tandem-form")) return;
    e.preventDefault();
    if (form.getAttribute("data-tandem-state") === "sending") return;
    form.setAttribute("data-tandem-state", "sending");
    var body = { formId: cut(form.getAttribute("data-tandem-form"), 200), clientEventId: randomId(), visitorId: vid, url: cut(location.href, 2000), title: cut(document.title, 500), referrer: cut(document.referrer, 2000), fields: fieldsOf(form), utm: readJson(LAST), firstTouch: readJson(FIRST) };
    send("forms", body, false).then(function (ok) {
      form.setAttribute("data-tandem-state", ok ? "sent" : "failed");
      form.dispatchEvent(new CustomEvent(ok ? "tandem:submitted" : "tandem:failed", { bubbles: true }));
      var message = form.getAttribute("data-tandem-success");
      if (ok && message) {
        var p = document.createElement("p");
        p.className = "tandem-success";
        p.setAttribute("role", "status");
        p.textContent = message;
        form.replaceWith(p);
      } else if (ok) form.reset();
    });
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll("form[data-tandem-form]"), addHoneypot); }
  document.addEventListener("submit", onSubmit, true);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  window.tandem = { page: page, visitorId: vid };
  page();
})();
`;

import { PUBLISHABLE_KEY_PATTERN } from "../../../shared/contracts/capture.js";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.5}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input,textarea{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit;cursor:pointer}code{background:#f1f3f5;padding:.1rem .3rem;border-radius:3px}
.tandem-success{padding:1rem;background:#ebfbee;border:1px solid #b2f2bb;border-radius:4px}.note{color:#555;font-size:.9rem}`;

/**
 * The example page at /capture/example?key=pk_...: a landing page with the tracking snippet and a marked form,
 * so the capture path can be tried right after `npm start` (Settings → Web capture links to it with the key).
 */
export function examplePage(key: string | null): string {
  const valid = key !== null && PUBLISHABLE_KEY_PATTERN.test(key);
  const body = valid
    ? `<h1>Northwind: book a demo</h1>
<p class="note">This page is served by Tandem to try web capture. It loads <code>/t.js</code> with this workspace's publishable
key: the visit is recorded as a page view (add <code>?utm_source=…&amp;utm_campaign=…</code> to the address to see UTM capture), and
the form below creates or updates a contact whose earlier page views are merged into it.</p>
<form data-tandem-form="example-demo-request" data-tandem-success="Thanks! We will be in touch shortly.">
<label for="email">Work e-mail</label><input id="email" name="email" type="email" required autocomplete="email">
<label for="firstName">First name</label><input id="firstName" name="firstName" autocomplete="given-name">
<label for="lastName">Last name</label><input id="lastName" name="lastName" autocomplete="family-name">
<label for="company">Company</label><input id="company" name="company" autocomplete="organization">
<label for="message">What would you like to see?</label><textarea id="message" name="message" rows="3"></textarea>
<button type="submit">Request a demo</button>
</form>
<script src="/t.js" data-key="${escapeHtml(key)}" defer></script>`
    : `<h1>Web capture example</h1>
<p>Open this page from <strong>Settings → Web capture</strong> in Tandem: the link there carries your workspace's publishable key
(<code>/capture/example?key=pk_…</code>).</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem web capture example</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

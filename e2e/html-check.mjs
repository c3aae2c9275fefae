// html-check loads HTML pages in headless Chromium and prints, as JSON on
// stdout, what happened: scripts run, dialogs, page errors, network requests,
// risky markup left in the DOM, axe-core WCAG 2.1 AA violations and the visible
// text, at 1440 px and again at 390 px (a phone). It also writes screenshots
// and PDFs when asked.
//
// Usage: node html-check.mjs MANIFEST.json
// MANIFEST: {"artifacts": "dir", "pages": [{"name": "x", "file": "x.html",
//            "screenshots": true, "pdf": false}]}
//
// "No script runs" is observed, not assumed: the DevTools protocol reports every
// script Chromium compiles in the page's main world (inline scripts, event
// handler attributes, javascript: URLs, eval), and the check records those
// compiled while the page loads and settles, before it injects axe-core.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PAGE_URL, readManifest, servePage } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const manifest = readManifest();
if (manifest.artifacts) {
  mkdirSync(manifest.artifacts, { recursive: true });
}
const browser = await launch();
const out = { results: [] };
try {
  for (const p of manifest.pages) {
    out.results.push(await checkPage(p));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));

async function checkPage(p) {
  const html = p.file ? readFileSync(p.file, 'utf8') : p.html;
  const page = await browser.context.newPage();
  const res = {
    name: p.name, error: '', requests: [], dialogs: [], pageErrors: [], console: [],
    scripts: [], pwned: false, risky: [], violations: [], text: '', phone: { text: '', violations: [] }, artifacts: [], phases: {},
  };
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    res.requests = await servePage(page, html);
    page.on('dialog', async (d) => {
      res.dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => res.pageErrors.push(String(e)));
    page.on('console', (m) => res.console.push(`${m.type()}: ${m.text()}`));

    const cdp = await browser.context.newCDPSession(page);
    const parsed = [];
    let watching = true;
    cdp.on('Debugger.scriptParsed', (e) => {
      if (watching && e.executionContextAuxData?.isDefault) {
        parsed.push({ url: e.url, length: e.length ?? 0, start: `${e.startLine}:${e.startColumn}` });
      }
    });
    await cdp.send('Debugger.enable');
    const t0 = Date.now();
    await page.goto(PAGE_URL, { waitUntil: 'load', timeout: 600_000 });
    res.phases.load = Date.now() - t0;
    // Let timers, failed image loads and animations fire their handlers.
    await page.waitForTimeout(300);
    watching = false;
    await cdp.send('Debugger.disable');
    res.scripts = parsed;

    const facts = await page.evaluate(() => {
      const risky = [];
      const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
      for (const el of document.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'applet', 'portal'].includes(tag)) {
          risky.push(`element <${tag}>`);
        }
        if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') {
          risky.push('meta refresh');
        }
        for (const a of el.attributes) {
          const name = a.name.toLowerCase();
          if (name.startsWith('on')) {
            risky.push(`${describe(el)} has event handler ${name}`);
          }
          if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data'].includes(name)) {
            const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html')) {
              risky.push(`${describe(el)} ${name}=${a.value}`);
            }
          }
        }
      }
      return { pwned: window.__pwned !== undefined, risky, text: document.body ? document.body.innerText : '' };
    });
    res.pwned = facts.pwned;
    res.risky = facts.risky;
    res.text = facts.text;

    const t1 = Date.now();
    await page.addScriptTag({ path: AXE });
    const runAxe = () => page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    }, WCAG_TAGS);
    res.violations = await runAxe();
    res.phases.axe = Date.now() - t1;

    if (manifest.artifacts && p.screenshots) {
      const desktop = join(manifest.artifacts, `${p.name}-desktop.png`);
      await page.screenshot({ path: desktop, fullPage: true });
      res.artifacts.push(desktop);
    }
    // The same checks on a phone: the page's own layout, not a scaled-down desktop.
    await page.setViewportSize({ width: 390, height: 844 });
    const t2 = Date.now();
    res.phone = { text: await page.evaluate(() => document.body.innerText), violations: await runAxe() };
    res.phases.axe390 = Date.now() - t2;
    if (manifest.artifacts && p.screenshots) {
      const phone = join(manifest.artifacts, `${p.name}-phone.png`);
      await page.screenshot({ path: phone, fullPage: true });
      res.artifacts.push(phone);
    }
    if (manifest.artifacts && p.pdf) {
      const pdf = join(manifest.artifacts, `${p.name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
      res.artifacts.push(pdf);
    }
  } catch (e) {
    res.error = e?.message ?? String(e);
  } finally {
    await page.close();
  }
  return res;
}

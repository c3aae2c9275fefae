// layout-check loads journeymap pages in headless Chromium and prints, as JSON
// on stdout, how the map lays out where people use it: on a phone (390 px:
// the document's width, the first touchpoint name's width), on a wide screen
// (1440 px: where the first touchpoint starts), what the canvas holds (the
// opportunity titles of each touchpoint's cell, the service blueprint's line
// labels) and, when asked, screenshots and PDFs printed on A4 and A3
// landscape paper. The Go test reads the PDFs' text with pdftotext.
//
// Usage: node layout-check.mjs MANIFEST.json
// MANIFEST: {"pages": [{"name": "x", "file": "x.html", "shots": "dir" or "",
//            "pdfs": {"a4": "x-a4.pdf", "a3": "x-a3.pdf"}}]}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, readManifest, servePage, PAGE_URL } from './lib.mjs';

const manifest = readManifest();
const browser = await launch();
const out = { results: [] };
try {
  for (const p of manifest.pages) {
    out.results.push(await check(p));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));

async function check(p) {
  const res = { name: p.name, error: '', phone: {}, desktop: {}, opps: [], lines: [], artifacts: [] };
  const page = await browser.context.newPage();
  try {
    await servePage(page, readFileSync(p.file, 'utf8'));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(PAGE_URL, { waitUntil: 'load', timeout: 120_000 });
    res.phone = await page.evaluate(() => {
      const h = document.querySelector('.col .head h4');
      return {
        docWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        nameWidth: h ? h.getBoundingClientRect().width : 0,
      };
    });
    if (p.shots) {
      const file = join(p.shots, `${p.name}-390.png`);
      await page.screenshot({ path: file, fullPage: true });
      res.artifacts.push(file);
      const map = join(p.shots, `${p.name}-390-map.png`);
      await page.evaluate(() => document.getElementById('map').scrollIntoView());
      await page.screenshot({ path: map });
      res.artifacts.push(map);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    res.desktop = await page.evaluate(() => {
      const h = document.querySelector('.col .head h4');
      const r = h ? h.getBoundingClientRect() : null;
      return { viewport: window.innerHeight, firstTop: r ? r.top + window.scrollY : -1, firstBottom: r ? r.bottom + window.scrollY : -1 };
    });
    res.opps = await page.evaluate(() => [...document.querySelectorAll('.col')].map((c) =>
      [...c.querySelectorAll('.opps li')].map((li) => li.textContent)));
    res.lines = await page.evaluate(() => {
      const rl = document.querySelector('.rl');
      return rl ? [...rl.querySelectorAll('.line')].map((d) => d.textContent) : [];
    });
    if (p.shots) {
      const file = join(p.shots, `${p.name}-1440.png`);
      await page.screenshot({ path: file, fullPage: true });
      res.artifacts.push(file);
      const first = join(p.shots, `${p.name}-1440-first-screen.png`);
      await page.screenshot({ path: first });
      res.artifacts.push(first);
    }
    for (const [format, file] of Object.entries(p.pdfs || {})) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: file, format: format.toUpperCase(), landscape: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      res.artifacts.push(file);
    }
  } catch (e) {
    res.error = String(e && e.stack || e);
  } finally {
    await page.close();
  }
  return res;
}

// Shared helpers for the real-client checks: launching Debian's Chromium through
// playwright-core (never a downloaded browser), reading a JSON manifest, and
// blocking every network request a page makes while recording it.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.JOURNEYMAP_CHROMIUM || '/usr/bin/chromium';

// FLAGS are the headless flags verified on our Debian machines (the project's e2e harness runs Chromium with them).
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// launch starts Chromium with a fresh profile directory, removed by close().
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'journeymap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    // Ignore the page's Content-Security-Policy: the check must see a script
    // that an injection would run, not trust the policy to stop it.
    bypassCSP: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// readManifest reads the JSON manifest named by the first command-line argument.
export function readManifest() {
  const path = process.argv[2];
  if (!path) {
    throw new Error(`usage: node ${process.argv[1]} MANIFEST.json`);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

// blockNetwork aborts every request the page makes and returns the list of
// recorded request URLs (the page under test must make none).
export async function blockNetwork(page) {
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  return requests;
}

// PAGE_URL is the address a page under test is served at. Nothing listens
// there: the route handler answers it from memory, so relative URLs in the page
// resolve to real http requests the check can see and block.
export const PAGE_URL = 'http://journeymap.invalid/page.html';

// servePage routes PAGE_URL to the given HTML and aborts every other request,
// recording its URL in the returned list.
export async function servePage(page, html) {
  const requests = [];
  page.on('request', (req) => {
    if (req.url() !== PAGE_URL) {
      requests.push(req.url());
    }
  });
  await page.route('**/*', (route) => {
    if (route.request().url() === PAGE_URL) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    return route.abort('blockedbyclient');
  });
  return requests;
}

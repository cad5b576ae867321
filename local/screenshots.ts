// `npm run screenshots`: pictures of the main pages for the README (docs/screenshots/*.png), taken from a running
// `npm start` with the seed's demo content: each page as the role that uses it, on a laptop in light and dark, and
// the chat on a phone. Debian's Chromium through playwright-core, as the browser tests use it.
// Options: --app <url> (default http://localhost:3000), --out <folder> (default docs/screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from './config.ts';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
};
const appUrl = argument('--app', 'http://localhost:3000').replace(/\/$/, '');
const outDir = argument('--out', join(projectRoot, 'docs', 'screenshots'));
// The seed's demo logins (supabase/demo-logins.txt) and its pinned conversation.
const password = 'supporthub-demo';
const logins = { customer: 'customer@example.com', technician: 'tech@example.com', admin: 'admin@example.com' } as const;
const customerConversation = '44444444-4444-4444-8444-000000000001';

interface Shot {
  file: string;
  role: keyof typeof logins | null;
  path: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
}

const laptop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const shots: Shot[] = [
  { file: 'help-centre.png', role: null, path: '/help', viewport: laptop, colorScheme: 'light' },
  { file: 'customer-chat.png', role: 'customer', path: `/app/conversations/${customerConversation}`, viewport: laptop, colorScheme: 'light' },
  { file: 'customer-chat-phone-dark.png', role: 'customer', path: `/app/conversations/${customerConversation}`, viewport: phone, colorScheme: 'dark' },
  { file: 'desk-board.png', role: 'technician', path: '/desk?view=all', viewport: laptop, colorScheme: 'light' },
  { file: 'desk-table-dark.png', role: 'technician', path: '/desk?view=all&layout=table', viewport: laptop, colorScheme: 'dark' },
  { file: 'admin-dashboard.png', role: 'admin', path: '/admin', viewport: laptop, colorScheme: 'light' },
];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function take(browser: Browser, shot: Shot): Promise<void> {
  const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (shot.role) await signIn(page, logins[shot.role]);
    await page.goto(`${appUrl}${shot.path}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await page.screenshot({ path: join(outDir, shot.file) });
    console.log(`  ${shot.file}  ${shot.path} as ${shot.role ?? 'a visitor'} (${shot.viewport.width}×${shot.viewport.height}, ${shot.colorScheme})`);
  } finally {
    await context.close();
  }
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const shot of shots) await take(browser, shot);
} finally {
  await browser.close();
}

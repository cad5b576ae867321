// The responsive walk (issue 21): every page route, as each role (visitor, customer, technician, admin), at a
// 390×844 phone and at a 1280×800 laptop. On every page the document must not scroll sideways
// (`scrollWidth <= innerWidth`) and the console must stay free of errors (React's hydration errors #418/#425
// included). Each viewport also runs in its own time zone (the phone in America/New_York, the laptop in
// Asia/Tokyo), so the same walk proves the server renders times in the viewer's zone without a hydration mismatch,
// and in its own colour scheme (the phone dark, the laptop light), so axe checks contrast in both.
//
// axe-core runs on every page of the walk: no serious or critical finding (WCAG 2.2 A/AA and best practice). The
// desk ticket's and the chat's times must read in the context's zone (decision 0023), a customer sent away from
// the desk is told why, and an unknown path is the branded 404 inside the site's frame.
//
// Routes that redirect a role elsewhere (a customer opening /desk) are still visited: the page the role lands on
// must pass too. The routes come from app/routes; ids are the seed's fixed ones (supabase/seed.sql) or, for
// content rows whose ids the seed does not fix, looked up by slug.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, hydrated, signIn } from '../support/journeys.ts';

type Role = 'anon' | keyof typeof demoLogins;

interface Viewport {
  name: string;
  width: number;
  height: number;
  timezoneId: string;
  colorScheme: 'light' | 'dark';
}

const viewports: Viewport[] = [
  { name: 'phone', width: 390, height: 844, timezoneId: 'America/New_York', colorScheme: 'dark' },
  { name: 'laptop', width: 1280, height: 800, timezoneId: 'Asia/Tokyo', colorScheme: 'light' },
];

const roles: Role[] = ['anon', 'customer', 'technician', 'admin'];

// Fixed ids from supabase/seed.sql: Casey Customer's pinned conversation, ticket and guided fix.
const CUSTOMER_CONVERSATION = '44444444-4444-4444-8444-000000000001';
const CUSTOMER_TICKET = '77777777-7777-4777-8777-000000000001';
const CUSTOMER_SESSION = '66666666-6666-4666-8666-000000000001';

/** Every page route in app/routes (resource routes — the PDF, the messages feed, logout, preview — are not pages). */
function pageRoutes(ids: { articleId: string; articleSlug: string; guideId: string }): string[] {
  return [
    '/',
    '/login',
    '/signup',
    '/account',
    '/help',
    `/help/${ids.articleSlug}`,
    '/app',
    '/app/tickets/new',
    `/app/tickets/${CUSTOMER_TICKET}`,
    `/app/conversations/${CUSTOMER_CONVERSATION}`,
    '/app/troubleshoot',
    `/app/troubleshoot/${CUSTOMER_SESSION}`,
    '/desk',
    '/desk?layout=table',
    `/desk/tickets/${CUSTOMER_TICKET}`,
    '/admin',
    '/admin/kb',
    '/admin/kb/new',
    `/admin/kb/${ids.articleId}`,
    '/admin/guides',
    '/admin/guides/new',
    `/admin/guides/${ids.guideId}`,
    '/admin/sla',
    '/admin/reports',
    '/admin/canned-replies',
    '/admin/assignment',
    '/forgot-password',
    '/reset-password',
    '/no-such-page',
  ];
}

/** Every page route file in app/routes (one with a default export) as a pattern of the paths it serves. */
function pageRoutePatterns(): Array<{ file: string; pattern: RegExp }> {
  const routesDir = new URL('../../app/routes/', import.meta.url);
  return readdirSync(routesDir)
    .filter((file) => file.endsWith('.tsx') && /^export default /m.test(readFileSync(new URL(file, routesDir), 'utf8')))
    .map((file) => {
      const segments = file
        .replace(/\.tsx$/, '')
        .split('.')
        .filter((segment) => segment !== '_index')
        .map((segment) => (segment.startsWith('$') ? '[^/]+' : segment));
      return { file, pattern: new RegExp(`^/${segments.join('/')}$`) };
    });
}

/** Console errors a page may legitimately log: the browser reporting the 404 status of a page that is a 404. */
function isExpectedConsoleError(message: ConsoleMessage, path: string): boolean {
  const expectedStatus = errorPages[path];
  return expectedStatus !== undefined && message.text().includes(`Failed to load resource: the server responded with a status of ${expectedStatus}`);
}

/** The walk's deliberate dead ends and the status each must answer with (inside the layout, with a way back). */
const errorPages: Record<string, number> = { '/no-such-page': 404 };

// axe-core is evaluated through the DevTools protocol (page.evaluate), which the page's nonce CSP does not govern;
// a <script> tag (page.addScriptTag) would be refused by that CSP, and turning the CSP off would test another app.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Whether the page painted its background dark or light (relative luminance of the root's background). */
async function pageColorScheme(page: Page): Promise<'light' | 'dark'> {
  const luminance = await page.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
    const linear = (channel: number) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  });
  return luminance < 0.2 ? 'dark' : 'light';
}

/** axe's serious and critical findings (WCAG 2.2 A/AA and best practice) on the page as it stands. */
async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')}`);
}

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    // Name the element that sticks out furthest, so a failure says where to look.
    let widest = '';
    let widestRight = innerWidth;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const right = element.getBoundingClientRect().right;
      if (right > widestRight) {
        widestRight = right;
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(right)})`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
}

/**
 * Every exact time of the kind `style` on the page reads as that moment's hour and minute in `timeZone`, without
 * the "UTC" label that marks an unknown zone. The expected clock comes from Node's own Intl, not the app's code.
 */
/** Every time of those styles on the page reads the viewer's zone's clock (the chat's show the day too when older). */
async function expectTimesInZone(page: Page, path: string, timeZone: string, styles: Array<'time' | 'day-time' | 'date-time'>): Promise<void> {
  await page.goto(appUrl(path));
  // The zone the server rendered in (decision 0023); after the first page of a session it is the browser's.
  await page.waitForSelector(`html[data-hydrated][data-time-zone="${timeZone}"]`, { state: 'attached', timeout: 60_000 });
  const times = await page.locator(styles.map((style) => `time[data-local-time="${style}"]`).join(', ')).evaluateAll((elements) =>
    elements.map((element) => ({ dateTime: element.getAttribute('datetime') ?? '', text: element.textContent ?? '' })),
  );
  expect(times.length).toBeGreaterThan(0);
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  for (const time of times) {
    expect(time.text).toContain(clock.format(new Date(time.dateTime)));
    expect(time.text).not.toContain('UTC');
  }
}

describe('the responsive walk: every route, every role, phone and laptop', () => {
  let browser: Browser;
  let routes: string[] = [];
  // A title and a slug that are one long word, as a property test or a careless paste leaves them (a fresh-clone run
  // found /admin/kb and /admin/guides 350 px too wide on a laptop once such rows existed). Their digits sort first, so
  // the walk also opens this article and this guide.
  const longSlug = `0${'7'.repeat(90)}`;
  const longTitle = `Walk${'w'.repeat(110)}`;
  beforeAll(async () => {
    browser = await launchBrowser();
    await sql`insert into public.kb_articles (slug, title, content, category, is_published)
      select ${longSlug}, ${longTitle}, 'A body for the walk.', category, true from public.kb_articles where is_published limit 1`;
    await sql`insert into public.guides (slug, title, is_published) values (${longSlug}, ${longTitle}, true)`;
    const [article] = await sql<{ id: string; slug: string }[]>`
      select id, slug from public.kb_articles where is_published order by slug limit 1`;
    const [guide] = await sql<{ id: string }[]>`select id from public.guides order by slug limit 1`;
    routes = pageRoutes({ articleId: article!.id, articleSlug: article!.slug, guideId: guide!.id });
  });
  afterAll(async () => {
    await browser?.close();
    await sql`delete from public.kb_articles where slug = ${longSlug}`;
    await sql`delete from public.guides where slug = ${longSlug}`;
  });

  it('walks every page route in app/routes', () => {
    const visited = routes.map((route) => route.split('?')[0]!);
    const missed = pageRoutePatterns().filter(({ pattern }) => !visited.some((path) => pattern.test(path)));
    expect(missed.map(({ file }) => file)).toEqual([]);
  });

  for (const viewport of viewports) {
    for (const role of roles) {
      describe(`${role} on a ${viewport.name} (${viewport.width}×${viewport.height}, ${viewport.timezoneId}, ${viewport.colorScheme})`, () => {
        let context: BrowserContext;
        let page: Page;
        let consoleErrors: string[] = [];
        let currentPath = '';
        beforeAll(async () => {
          context = await browser.newContext({
            viewport: { width: viewport.width, height: viewport.height },
            timezoneId: viewport.timezoneId,
            colorScheme: viewport.colorScheme,
          });
          page = await context.newPage();
          page.on('console', (message) => {
            if (message.type() === 'error' && !isExpectedConsoleError(message, currentPath)) consoleErrors.push(message.text());
          });
          page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
          if (role !== 'anon') {
            const login = demoLogins[role];
            await signIn(page, login.email, login.password);
            await page.waitForURL((url) => url.pathname !== '/login');
          }
        });
        afterAll(async () => {
          await context?.close();
        });

        it('keeps every page inside the viewport with a quiet console', async () => {
          const failures: string[] = [];
          for (const path of routes) {
            consoleErrors = [];
            currentPath = path;
            await page.goto(appUrl(path), { waitUntil: 'load' });
            // The root marks <html data-hydrated> in an effect, which runs after React has hydrated (and reported
            // any hydration mismatch) — a condition to wait on rather than a guess at how long hydration takes.
            const hydrated = await page
              .waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 })
              .then(() => true)
              .catch(() => false);
            if (!hydrated) failures.push(`${path} never hydrated; console: ${consoleErrors.join(' | ')}`);
            const overflow = await horizontalOverflow(page);
            const landed = new URL(page.url()).pathname;
            if (overflow.scrollWidth > overflow.innerWidth) {
              failures.push(`${path} (landed on ${landed}) scrolls sideways by ${overflow.scrollWidth - overflow.innerWidth} px; widest: ${overflow.widest}`);
            }
            if (consoleErrors.length > 0) failures.push(`${path} (landed on ${landed}) logged: ${consoleErrors.join(' | ')}`);
            const scheme = await pageColorScheme(page);
            if (scheme !== viewport.colorScheme) failures.push(`${path} (landed on ${landed}) is ${scheme}, asked for ${viewport.colorScheme}`);
            for (const violation of await seriousAccessibilityViolations(page)) failures.push(`${path} (landed on ${landed}) axe: ${violation}`);
          }
          expect(failures, failures.join('\n')).toEqual([]);
        }, 900_000);

        if (role === 'anon') {
          /** The branded error page: the status, its heading, and the site's header, navigation and way back. */
          const expectBrandedErrorPage = async (path: string, status: number, heading: string) => {
            const response = await page.goto(appUrl(path));
            expect(response?.status()).toBe(status);
            await hydrated(page);
            await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
            // On a phone the navigation folds behind "Menu"; either way the header carries it.
            expect(await page.locator('header nav[aria-label="Main"]').count()).toBe(1);
            expect(await page.getByRole('link', { name: 'Back to Support Hub' }).getAttribute('href')).toBe('/');
          };

          it('shows an unknown path as the branded 404 page, with the header, navigation and a way back', async () => {
            await expectBrandedErrorPage('/no-such-page', 404, 'Page not found');
            expect(await page.locator('body').innerText()).not.toContain('No route matches');
          });

          it('shows an address with a broken % escape as the branded 400 page, not Express\'s bare "Bad Request"', async () => {
            await expectBrandedErrorPage('/help/%E0%A4%A', 400, 'That link is not valid');
          });
        }

        if (role === 'customer') {
          it('tells a customer sent away from the desk why they are in their own area', async () => {
            await page.goto(appUrl('/desk'));
            await page.waitForURL((url) => url.pathname === '/app');
            await expect.poll(() => page.getByTestId('refused-area-notice').textContent()).toContain('That page is for technicians');
          });

          it(`shows the chat's times in ${viewport.timezoneId}`, async () => {
            await expectTimesInZone(page, `/app/conversations/${CUSTOMER_CONVERSATION}`, viewport.timezoneId, ['time', 'day-time', 'date-time']);
          });
        }

        if (role === 'technician') {
          it(`shows the desk ticket's times in ${viewport.timezoneId}`, async () => {
            await expectTimesInZone(page, `/desk/tickets/${CUSTOMER_TICKET}`, viewport.timezoneId, ['date-time']);
          });
        }
      });
    }
  }
});

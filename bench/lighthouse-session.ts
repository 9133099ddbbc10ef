/**
 * The Lighthouse bench's session (bench/lighthouse.ts): the demo user signed in through the API, and a
 * Chromium with her cookies in it for Lighthouse to attach to. The Rewards page reads its CSRF cookie
 * from document.cookie, so a Cookie request header would not sign it in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const DEMO_USER = 'megan@contoso.example';
const DEMO_PASSWORD = 'Rewards-Demo-2026';

/** A cookie as the sign-in answer set it, for the browser. */
export interface SessionCookie {
  name: string;
  value: string;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

function parseSetCookie(header: string): SessionCookie {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const equals = pair!.indexOf('=');
  const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(name.toLowerCase()));
  const sameSite = attribute('samesite')?.split('=')[1]?.toLowerCase();
  return {
    name: pair!.slice(0, equals),
    value: pair!.slice(equals + 1),
    httpOnly: attribute('httponly') !== undefined,
    sameSite: sameSite === 'strict' ? 'Strict' : sameSite === 'none' ? 'None' : 'Lax',
  };
}

/** Signs the demo user in through the operation the OpenAPI document names signIn; returns the session's cookies. */
export async function signIn(url: string): Promise<SessionCookie[]> {
  const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const signInPath = Object.entries(document.paths).find(([, operations]) => operations.post?.operationId === 'signIn')?.[0];
  if (!signInPath) throw new Error('the OpenAPI document has no signIn operation');
  const response = await fetch(`${url}${signInPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`POST ${signInPath} as ${DEMO_USER}: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map(parseSetCookie);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/v1/me with the session cookie: ${me.status}`);
  const rewards = await fetch(`${url}/api/v1/rewards`, { headers: { cookie } });
  if (rewards.status !== 200) throw new Error(`GET /api/v1/rewards as ${DEMO_USER}: ${rewards.status} (the Rewards page would not show)`);
  console.error(`signed in as ${DEMO_USER} through POST ${signInPath}`);
  return cookies;
}

/**
 * A headless Chromium with a fresh profile and the session's cookies in it, for Lighthouse to attach to
 * (--port). Its DevTools port is the one it prints (--remote-debugging-port=0 picks a free one).
 */
export async function signedInBrowser(url: string, cookies: SessionCookie[], profileDir: string, chromePath: string, chromeFlags: string): Promise<{ port: number; child: ChildProcess }> {
  fs.rmSync(profileDir, { recursive: true, force: true });
  const child = spawn(chromePath, [...chromeFlags.split(' '), '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--no-first-run', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address within 30 s:\n${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
      const found = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`Chromium exited (${code ?? signal}) before listening:\n${stderr}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default browser context');
    await context.addCookies(cookies.map((c) => ({ ...c, url: `${url}/` })));
  } finally {
    // Disconnects; the browser, its default context and the cookies stay.
    await browser.close();
  }
  return { port: Number(new URL(endpoint).port), child };
}

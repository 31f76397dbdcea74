// npm run teams:package: the app id alone is enough, a missing one is one line (exit 2), and the zip
// read back holds the manifest with that id and the icons, each with a real date.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PACKAGE_ROOT } from '../../src/kb/load';
import { buildTeamsPackage, PACKAGE_FILE, packageTeamsApp, readAppId } from '../../src/tools/teams-package';

const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosejob-teams-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(env: NodeJS.ProcessEnv, envFile: string | null = null): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await packageTeamsApp({ env, envFile, outDir: dir, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('the package', () => {
  test('read back: manifest.json with the app id and both icons, each dated now (not 1980)', async () => {
    const before = Date.now();
    const r = await run({ MicrosoftAppId: APP_ID });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`wrote ${join(dir, PACKAGE_FILE)}\n`);

    const zip = await JSZip.loadAsync(readFileSync(join(dir, PACKAGE_FILE)));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string; bots: Array<{ botId: string }> };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([APP_ID]);
    for (const icon of ['color.png', 'outline.png'])
      expect(await zip.file(icon)!.async('nodebuffer')).toEqual(readFileSync(join(PACKAGE_ROOT, 'teams', icon)));
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.getUTCFullYear()).not.toBe(1980);
      // a zip's DOS time has two-second steps
      expect(Math.abs(entry.date.getTime() - before)).toBeLessThan(60_000);
    }
  });

  test('the date given is the date every entry carries', async () => {
    const date = new Date('2026-12-02T10:20:30Z');
    const zip = await JSZip.loadAsync(await buildTeamsPackage(APP_ID, PACKAGE_ROOT, date));
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2026-12-02T10:20:30.000Z');
  });

  test('no placeholder is left in the manifest', async () => {
    const zip = await JSZip.loadAsync(await buildTeamsPackage(APP_ID));
    expect(await zip.file('manifest.json')!.async('string')).not.toContain('{{');
  });
});

describe('the app id, and only the app id', () => {
  test('no app password is needed, and none is read', async () => {
    expect((await run({ MicrosoftAppId: APP_ID })).code).toBe(0);
    expect((await run({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' })).stdout).not.toContain('not-a-real-secret');
  });

  test('a server setting the package does not use (a bad PORT) does not stop it', async () => {
    expect((await run({ MicrosoftAppId: APP_ID, PORT: 'eighty' })).code).toBe(0);
  });

  test('read from .env when the environment has none; the environment wins', () => {
    const envFile = join(dir, '.env');
    writeFileSync(envFile, `MicrosoftAppId=${APP_ID}\nMicrosoftAppPassword=x\n`);
    expect(readAppId({}, envFile)).toBe(APP_ID);
    const other = APP_ID.replace(/^0/, 'f');
    expect(readAppId({ MicrosoftAppId: other }, envFile)).toBe(other);
  });

  test.each([
    ['missing', {}, /set MicrosoftAppId/],
    ['empty', { MicrosoftAppId: '  ' }, /set MicrosoftAppId/],
    ['not a GUID', { MicrosoftAppId: 'my-bot' }, /MicrosoftAppId is not an app id: .*\(got "my-bot"\)/],
  ])('%s: exit 2, one line on stderr, no stack trace, no file', async (_name, env, message) => {
    const r = await run(env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^whosejob: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(join(dir, PACKAGE_FILE))).toThrow();
  });
});

// npm run teams:package: teams/manifest.json (with the bot's app id filled in) and its two icons,
// zipped into whosejob-teams.zip, ready for "Upload a custom app" in Teams.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import JSZip from 'jszip';
import { PACKAGE_ROOT } from '../kb/load';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PACKAGE_FILE = 'whosejob-teams.zip';

/** A mistake the person packaging can fix: one line on stderr, exit status 2. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/**
 * The app id from the environment or `.env` (the environment wins, as in loadConfig). Only the id:
 * the package is public, so the app password is neither needed nor read; and the whole config is not
 * validated, since a server setting the package never uses must not stop it.
 */
export function readAppId(env: NodeJS.ProcessEnv, envFile: string | null): string {
  let fromFile: Record<string, string> = {};
  if (envFile && existsSync(envFile)) {
    try {
      fromFile = parseDotenv(readFileSync(envFile));
    } catch (err) {
      throw new PackageError(`${envFile} cannot be read (${(err as Error).message})`);
    }
  }
  const appId = (env.MicrosoftAppId ?? fromFile.MicrosoftAppId ?? '').trim();
  if (appId === '') throw new PackageError("set MicrosoftAppId (the Azure Bot registration's app id) in the environment or .env before packaging");
  if (!GUID.test(appId)) throw new PackageError(`MicrosoftAppId is not an app id: expected a GUID such as 00000000-0000-0000-0000-000000000000 (got "${appId}")`);
  return appId;
}

/** The zip Teams' upload takes: manifest.json and the icons at its top level, each dated `date`. */
export async function buildTeamsPackage(appId: string, root = PACKAGE_ROOT, date = new Date()): Promise<Buffer> {
  const dir = join(root, 'teams');
  const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8').replace(/\{\{MicrosoftAppId\}\}/g, appId);
  JSON.parse(manifest); // a broken manifest fails here, not in the Teams upload dialog
  const zip = new JSZip();
  zip.file('manifest.json', manifest, { date });
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(join(dir, icon)), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface PackageIo {
  env: NodeJS.ProcessEnv;
  envFile: string | null;
  outDir: string;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Writes the package into `outDir`; returns the exit status (2 for a setting to fix). */
export async function packageTeamsApp(io: PackageIo, root = PACKAGE_ROOT): Promise<number> {
  try {
    const zip = await buildTeamsPackage(readAppId(io.env, io.envFile), root);
    const out = resolve(io.outDir, PACKAGE_FILE);
    writeFileSync(out, zip);
    io.stdout.write(`wrote ${out}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    io.stderr.write(`whosejob: ${err.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  packageTeamsApp({ env: process.env, envFile: '.env', outDir: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`whosejob: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

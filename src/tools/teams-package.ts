// npm run teams:package: teams/manifest.json (with the bot's app id filled in) and its two icons,
// zipped into whosejob-teams.zip, ready for "Upload a custom app" in Teams.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { loadConfig } from '../config';
import { PACKAGE_ROOT } from '../kb/load';

interface Entry {
  name: string;
  data: Buffer;
}

/** A minimal ZIP (deflate, no extras): what the Teams app upload needs and nothing more. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time and date: not needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export function buildTeamsPackage(appId: string, root = PACKAGE_ROOT): Buffer {
  const dir = join(root, 'teams');
  const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8').replace(/\{\{MicrosoftAppId\}\}/g, appId);
  JSON.parse(manifest); // a broken manifest fails here, not in the Teams upload dialog
  return zip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: readFileSync(join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(dir, 'outline.png')) },
  ]);
}

if (require.main === module) {
  const config = loadConfig();
  const appId = config.MicrosoftAppId;
  if (!appId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    process.stderr.write('whosejob: set MicrosoftAppId (the Azure Bot registration\'s app id, a GUID) in .env before packaging\n');
    process.exitCode = 2;
  } else {
    const out = join(process.cwd(), 'whosejob-teams.zip');
    writeFileSync(out, buildTeamsPackage(appId));
    process.stdout.write(`wrote ${out}\n`);
  }
}

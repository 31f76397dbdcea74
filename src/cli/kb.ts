// `whosejob kb <check|matrix>`; `whosejob kb` alone prints what it can do, as `whosejob` alone does.
import { parseCommandArgs } from './args';
import type { Io } from './io';
import { kbCheckCommand } from './kb-check';
import { kbMatrixCommand } from './kb-matrix';
import { UsageError, usageOf } from './usage';

export async function kbCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return kbCheckCommand(rest, io);
  if (sub === 'matrix') return kbMatrixCommand(rest, io);
  // "--help" and "-h" reach here too, and an unknown flag is told as one.
  if (sub === undefined || sub === 'help' || parseCommandArgs('kb', [sub], {}).help) {
    io.stdout.write(usageOf('kb'));
    return 0;
  }
  throw new UsageError(`unknown kb command "${sub}"; try: whosejob kb check, whosejob kb matrix`);
}

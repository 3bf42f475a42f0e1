/**
 * Writing a file whole or not at all: the bytes go to a temporary file beside
 * the target, which then replaces it in one rename. A report that cannot be
 * written leaves neither a half-written file nor the temporary one behind.
 * `strategy-report` and `strategy-import` both write their files here.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Writes `data` to `file` atomically; throws the system error (the temporary file removed) when it cannot. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // The temporary file was never made (the folder does not exist or cannot be written): nothing to remove.
    }
    throw e;
  }
}

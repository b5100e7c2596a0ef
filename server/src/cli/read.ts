import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { DEFAULT_SERVICE_SETTINGS } from '../service';
import type { MessageKey } from '../service/l10n';

/** Something the user should hear about; every one of them makes the run exit 2. */
export interface InputProblem {
  readonly key: MessageKey;
  readonly args: string[];
}

/**
 * Above this a file is refused (a postmortem is a few hundred KB at most, `/dev/zero` is endless):
 * the editor's size limit, which a project configuration's `max_document_bytes` may change.
 */
export const MAX_DOCUMENT_BYTES = DEFAULT_SERVICE_SETTINGS.maxDocumentBytes;

export type Source = { text: string; invalidUtf8: boolean } | { problem: InputProblem };

/**
 * Reads a postmortem, refusing what is not a regular file (a FIFO would block forever, a device
 * never ends) and what is over `maxBytes`. The file is opened non-blocking and checked with fstat on
 * the open handle, so nothing can swap it between the check and the read.
 */
export async function readSource(path: string, maxBytes: number, name = path): Promise<Source> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: openProblem(name, error as NodeJS.ErrnoException) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { problem: { key: 'cli.isDirectory', args: [name] } };
    if (!info.isFile()) return { problem: { key: 'cli.notRegular', args: [name] } };
    if (info.size > maxBytes) return { problem: { key: 'cli.tooLarge', args: [name, megabytes(info.size), megabytes(maxBytes)] } };
    // Read one byte past the limit: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size, 0) + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { problem: { key: 'cli.tooLarge', args: [name, megabytes(length), megabytes(maxBytes)] } };
    return decode(buffer.subarray(0, length));
  } catch (error) {
    return { problem: { key: 'cli.unreadable', args: [name, (error as Error).message] } };
  } finally {
    await handle.close();
  }
}

/** The first `bytes` bytes of a regular file as text, or '' (used to sniff `postmortem: 1`). */
export async function readHead(path: string, bytes: number): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (!handle) return '';
  try {
    if (!(await handle.stat()).isFile()) return '';
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } catch {
    return '';
  } finally {
    await handle.close();
  }
}

/** Bytes to text. Invalid UTF-8 is reported (a warning) and read with replacement characters. */
export function decode(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  try {
    // ignoreBOM keeps a byte order mark in the text, as the editor does.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalidUtf8: true };
  }
}

function openProblem(path: string, error: NodeJS.ErrnoException): InputProblem {
  if (error.code === 'ELOOP') return { key: 'cli.symlinkLoop', args: [path] };
  if (error.code === 'ENOENT') return { key: 'cli.notFound', args: [path] };
  if (error.code === 'EISDIR') return { key: 'cli.isDirectory', args: [path] };
  return { key: 'cli.unreadable', args: [path, error.message] };
}

/** Decimal megabytes, as the limit is set in bytes (5,000,000 is 5.0 MB). */
export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** Plain words for the errors reading a file gives most often. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Why a file could not be read, in words, with the system code for searching. */
export function readErrorText(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return 'unknown error';
  const words = READ_ERRORS[code];
  return words === undefined ? code : `${words} (${code})`;
}

/** A one-line reason for a file system error that a user can act on. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'on a read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ELOOP') return 'a symbolic link that loops';
  if (code === 'EISDIR') return 'a folder, not a file';
  if (code === 'ENOTDIR') return 'a path through a file, not a folder';
  return `could not be read or written (${code ?? (e as Error).message})`;
}

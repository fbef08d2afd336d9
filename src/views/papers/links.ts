/** Which paper fields may become links, and how an id reads. */

/** The URL as a link target when it is an absolute http: or https: address, else null (shown as text). */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Whether a paper id is the title hash given to papers without an identifier of their own (12 hex digits). */
export const isTitleHash = (id: string): boolean => /^[0-9a-f]{12}(-\d+)?$/.test(id);

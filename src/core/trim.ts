/**
 * Strips the given characters from the end of a string in linear time. A pattern like
 * `/[\0 ]+$/` is tried at every position of a long run that does not reach the end, so a
 * stranger's value holding a megabyte of spaces before one letter takes hours; this loop
 * looks at each character once.
 */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** RFC 6901 helpers; pointers are how every problem says where it is. */

export const escapeSegment = (segment: string | number): string =>
  String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

export const unescapeSegment = (segment: string): string => segment.replace(/~1/g, "/").replace(/~0/g, "~");

export const joinPointer = (base: string, ...segments: (string | number)[]): string =>
  base + segments.map((segment) => `/${escapeSegment(segment)}`).join("");

export const splitPointer = (pointer: string): string[] =>
  pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeSegment);

/** Reads the value a pointer names, or undefined; never throws. */
export const readPointer = (document: unknown, pointer: string): unknown => {
  let current: unknown = document;
  for (const segment of splitPointer(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
};

const compareSegments = (left: string, right: string): number => {
  const leftNumber = /^\d+$/.test(left) ? Number(left) : Number.NaN;
  const rightNumber = /^\d+$/.test(right) ? Number(right) : Number.NaN;
  if (!Number.isNaN(leftNumber) && !Number.isNaN(rightNumber)) return leftNumber - rightNumber;
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Document order for people: /nodes/2 before /nodes/10. */
export const comparePointers = (left: string, right: string): number => {
  const leftSegments = splitPointer(left);
  const rightSegments = splitPointer(right);
  const length = Math.min(leftSegments.length, rightSegments.length);
  for (let index = 0; index < length; index++) {
    const order = compareSegments(leftSegments[index]!, rightSegments[index]!);
    if (order !== 0) return order;
  }
  return leftSegments.length - rightSegments.length;
};

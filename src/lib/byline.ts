/** The byline "Tin: Lê Oanh; Ảnh: Hoàng Phước" and the source credit. */

export interface BylineLabels {
  reporter: string;
  photographer: string;
}

export interface BylinePart {
  label: string;
  names: string[];
}

/** The parts of a byline: reporters, then photographers when there are any. */
export function bylineParts(authors: readonly string[], photographers: readonly string[] | undefined, labels: BylineLabels): BylinePart[] {
  const parts: BylinePart[] = [];
  if (authors.length > 0) parts.push({ label: labels.reporter, names: [...authors] });
  if (photographers && photographers.length > 0) parts.push({ label: labels.photographer, names: [...photographers] });
  return parts;
}

/** The byline as text: "Tin: Lê Oanh, Trần Minh; Ảnh: Hoàng Phước". */
export function formatByline(authors: readonly string[], photographers: readonly string[] | undefined, labels: BylineLabels): string {
  return bylineParts(authors, photographers, labels)
    .map((part) => `${part.label}: ${part.names.join(', ')}`)
    .join('; ');
}

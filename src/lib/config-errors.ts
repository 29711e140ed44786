/** Formats a zod error of the site configuration as one line per problem. */
import type { z } from 'astro/zod';

export function formatConfigError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `Invalid site configuration in ${file}:\n${lines.join('\n')}`;
}

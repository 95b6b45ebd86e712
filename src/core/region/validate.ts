import { crossChecks } from './crossChecks';
import { pathText, zodProblems } from './messages';
import { REGION_FORMAT, Region, regionSchema } from './schema';

/**
 * Validates a region file. Throws one Dutch error listing every problem with its path, so a region
 * fixes its file in one go.
 */
export function parseRegion(json: unknown): Region {
  const result = regionSchema.safeParse(json);
  const problems = result.success ? crossChecks(result.data) : zodProblems(result.error, json);
  if (problems.length) {
    const lines = problems.map((p) => `- ${pathText(p.path)}: ${p.message}`);
    const format = json && typeof json === 'object' && (json as Record<string, unknown>).formaat !== REGION_FORMAT
      ? `\nDit programma leest regiobestanden van formaat ${REGION_FORMAT} ("formaat": ${REGION_FORMAT}).`
      : '';
    throw new Error(`Het regiobestand is ongeldig (${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'}):\n${lines.join('\n')}${format}`);
  }
  return result.data as Region;
}

/** Store timestamps: ISO-8601 UTC text in both dialects. */
export const nowIso = (): string => new Date().toISOString();

/**
 * A zod error map for forms: "Required" (in the user's language) for a field left empty, and the
 * domain's own localised message for anything else — one wording of "required" across the app.
 */
export const emptyIs = (message: string) => (issue: object) => {
  const input = (issue as { input?: unknown }).input;
  return input === undefined || input === '' ? message : undefined;
};

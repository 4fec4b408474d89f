const bearer = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer …` header, or undefined when absent or malformed. */
export function bearerToken(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers.authorization;
  if (value === undefined) return undefined;
  return bearer.exec(value.trim())?.[1];
}

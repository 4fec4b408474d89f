/**
 * Hosts allowed to frame the tab: Teams, Outlook and Microsoft 365 (Microsoft's tab-requirements
 * list, plus the legacy Skype and GCC High Teams hosts).
 */
export const tabFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.skype.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.microsoft365.com',
  'https://*.office365.com',
] as const;

/** The tab's Content-Security-Policy: embeddable only by Microsoft 365 hosts, scripts only from us. */
export const tabContentSecurityPolicy = [
  `frame-ancestors ${tabFrameAncestors.join(' ')}`,
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Headers on every API response: never cached, never sniffed (P5). */
export const apiSecurityHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** Headers on every tab asset. */
export const tabSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': tabContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

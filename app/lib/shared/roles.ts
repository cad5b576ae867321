// Roles and where each one lives in the app; shared by server redirects and the navigation.
export const userRoles = ['customer', 'technician', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const roleHome: Record<UserRole, string> = {
  customer: '/app',
  technician: '/desk',
  admin: '/admin',
};

export const roleLabel: Record<UserRole, string> = {
  customer: 'Customer',
  technician: 'Technician',
  admin: 'Admin',
};

/**
 * Where a signed-in user lands when their role may not open an area: their own home, told which area they tried
 * (`?pageFor=technician`), so the home can say "That page is for technicians" instead of moving them silently.
 */
export const refusedAreaParam = 'pageFor';

export function refusedAreaRedirect(userRole: UserRole, areaRole: UserRole): string {
  return `${roleHome[userRole]}?${new URLSearchParams({ [refusedAreaParam]: areaRole })}`;
}

/** How the notice names the people an area is for. */
export const rolePeople: Record<UserRole, string> = {
  customer: 'customers',
  technician: 'technicians',
  admin: 'admins',
};

/** Which roles may open an area: admins supervise the desk, so they may open it too. */
export const rolesAllowedIn: Record<UserRole, readonly UserRole[]> = {
  customer: ['customer'],
  technician: ['technician', 'admin'],
  admin: ['admin'],
};

/** Any origin works as the base: only whether the target stays on it matters. */
const redirectBase = new URL('http://support-hub.invalid');

/**
 * A redirect target taken from the query string must stay on this site. It is parsed the way a
 * browser parses a Location header (the WHATWG URL parser, which drops tabs and newlines and reads
 * `\\` as `/`), so `/\t/evil.example`, `//evil.example` and `/\\evil.example` all resolve to another
 * host and fall back; what survives is the same-origin path, query and fragment, re-serialised so no
 * control character can reach a header.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, redirectBase);
  } catch {
    return fallback;
  }
  if (resolved.origin !== redirectBase.origin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

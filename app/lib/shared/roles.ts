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

/** Which roles may open an area: admins supervise the desk, so they may open it too. */
export const rolesAllowedIn: Record<UserRole, readonly UserRole[]> = {
  customer: ['customer'],
  technician: ['technician', 'admin'],
  admin: ['admin'],
};

/**
 * A redirect target taken from the query string must stay on this site: only a path that
 * starts with one slash (not `//evil.example`, which browsers treat as another host).
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  return target;
}

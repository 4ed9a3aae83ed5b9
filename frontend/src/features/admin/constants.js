/** Account roles, most powerful first, and what each may do in the admin area. */
export const USER_ROLES = ['admin', 'moderator', 'premium', 'user', 'guest'];
export const ADMIN_AREA_ROLES = ['admin', 'moderator'];

/** What the signed-in staff member may do to `target` (as the API enforces it). */
export function adminAbilities(me, target) {
  const isAdmin = me?.role === 'admin';
  const isStaff = isAdmin || me?.role === 'moderator';
  const self = Boolean(me && target && me.user_id === target.user_id);
  return {
    changeRole: isAdmin && !self,
    ban: isStaff && !self && target?.role !== 'admin',
  };
}

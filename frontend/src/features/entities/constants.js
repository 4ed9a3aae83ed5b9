import { LIMITS } from '../../lib/limits';

/** The values the API accepts for an entity's type and its relationships (API notes, issue 4). */
export const ENTITY_TYPES = ['character', 'creature', 'faction', 'item', 'lore', 'other'];

/** Each directed type and what the other side shows; symmetric types show themselves. */
export const INVERSE_RELATIONSHIPS = {
  parent_of: 'child_of',
  child_of: 'parent_of',
  mentor_of: 'student_of',
  student_of: 'mentor_of',
  leader_of: 'follower_of',
  follower_of: 'leader_of',
  member_of: 'has_member',
  has_member: 'member_of',
  employer_of: 'employee_of',
  employee_of: 'employer_of',
  owner_of: 'owned_by',
  owned_by: 'owner_of',
  creator_of: 'created_by',
  created_by: 'creator_of',
  ruler_of: 'ruled_by',
  ruled_by: 'ruler_of',
};
export const SYMMETRIC_RELATIONSHIPS = ['friend', 'enemy', 'ally', 'rival', 'sibling', 'spouse', 'lover', 'relative', 'colleague', 'related_to'];
export const RELATIONSHIP_TYPES = [...Object.keys(INVERSE_RELATIONSHIPS), ...SYMMETRIC_RELATIONSHIPS];

export function inverseOf(type) {
  return INVERSE_RELATIONSHIPS[type] ?? type;
}

// The API's limits (src/lib/limits.js, checked against the backend schemas by a test).
export const NAME_MAX = LIMITS.entityName;
export const ALIASES_MAX = LIMITS.aliases;
export const ATTRIBUTES_MAX = LIMITS.attributes;
export const ATTRIBUTE_NAME_MAX = LIMITS.attributeName;
export const ATTRIBUTE_TEXT_MAX = LIMITS.attributeText;
export const LABEL_MAX = LIMITS.relationshipLabel;
export const DESCRIPTION_MAX = LIMITS.entityDescription;

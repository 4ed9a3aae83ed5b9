/** Kinds of events with their icons, precisions, and the kinds of conflicts the timeline reports. */
export const EVENT_KINDS = ['birth', 'death', 'battle', 'meeting', 'journey', 'other'];
export const KIND_ICONS = { birth: '✶', death: '✝', battle: '⚔', meeting: '☍', journey: '➜', other: '•' };
export const PRECISIONS = ['exact', 'approximate', 'unknown'];
export const CONFLICT_KINDS = ['two_places', 'after_death', 'before_birth', 'too_far'];

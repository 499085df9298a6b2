/** The lists' titles (the menu names them without loading the list page's code). */
import type { ListKind } from './api.ts';

export const LIST_TITLES: Record<ListKind, string> = {
  medications: 'Medications',
  problems: 'Problems',
  allergies: 'Allergies',
  immunizations: 'Immunizations',
  procedures: 'Procedures',
  visits: 'Visits',
  vitals: 'Vital signs',
  'labs-reports': 'Lab reports',
  'family-history': 'Family history',
  'social-history': 'Social history',
};

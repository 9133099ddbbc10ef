/** Countries offered in the phone picker (the server parses a national number for the one chosen and stores E.164). */
export const PHONE_COUNTRIES = [
  { code: 'NL', dial: '+31' },
  { code: 'BE', dial: '+32' },
  { code: 'DE', dial: '+49' },
  { code: 'FR', dial: '+33' },
  { code: 'GB', dial: '+44' },
  { code: 'IE', dial: '+353' },
  { code: 'US', dial: '+1' },
  { code: 'CA', dial: '+1' },
  { code: 'IN', dial: '+91' },
  { code: 'AU', dial: '+61' },
] as const;

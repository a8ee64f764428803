// Colours of the banner line, after the usual marking conventions; anything else is neutral.
const MARKINGS = [
  [/TOP SECRET/i, '#f7ea48', '#111'],
  [/SECRET/i, '#c8102e', '#fff'],
  [/CONFIDENTIAL/i, '#0033a0', '#fff'],
  [/UNCLASSIFIED/i, '#007a33', '#fff'],
];

export function bannerColours(text) {
  const hit = MARKINGS.find(([re]) => re.test(text ?? ''));
  return hit ? { background: hit[1], text: hit[2] } : { background: '#2b2620', text: '#fff' };
}

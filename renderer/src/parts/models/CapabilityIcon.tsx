import type { CapabilityKey } from './capabilities';
import './models.css';

/** 16-unit line icons drawn with currentColor, so they follow the theme and the disabled state. */
const PATHS: Record<CapabilityKey, string> = {
  tools: 'M10.5 2.5a3 3 0 0 0-2.8 4L2.5 11.7l1.8 1.8 5.2-5.2a3 3 0 0 0 4-2.8l-1.8 1.8-1.6-.4-.4-1.6z',
  logprobs: 'M2.5 13.5h11M4.5 11V8M7.5 11V4.5M10.5 11V6.5M13 11V9',
  jsonSchema:
    'M6 2.5c-1.5 0-2 .7-2 2v1.8c0 .9-.5 1.7-1.5 1.7 1 0 1.5.8 1.5 1.7v1.8c0 1.3.5 2 2 2M10 2.5c1.5 0 2 .7 2 2v1.8c0 .9.5 1.7 1.5 1.7-1 0-1.5.8-1.5 1.7v1.8c0 1.3-.5 2-2 2',
  reasoning:
    'M6 12.5h4M6.5 14.5h3M8 1.8a4.2 4.2 0 0 0-2.5 7.6c.4.4.5.8.5 1.3v.3h4v-.3c0-.5.1-.9.5-1.3A4.2 4.2 0 0 0 8 1.8z',
  vision: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
};

export function CapabilityIcon({ capability }: { capability: CapabilityKey }) {
  return (
    <svg
      className="models-cap-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[capability]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import { useId } from 'react';
import type { ReactNode } from 'react';

interface InspectorSectionProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function InspectorSection({ title, actions, children }: InspectorSectionProps) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <header className="inspector-section-head">
        <h3 id={id} className="section-title">
          {title}
        </h3>
        {actions ? <div className="inspector-section-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

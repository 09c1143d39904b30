import type { ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';
import './field.css';

/*
 * The parts of a labelled form field, in the app's look. Inside a React Aria field (ui/TextField,
 * ui/ComboBox) they are wired for you: the label names the control, the hint describes it, and
 * the error shows only while the field is invalid and is announced with it.
 */

export function FieldLabel({ children }: { children: ReactNode }) {
  return <Label className="label">{children}</Label>;
}

export function FieldHint({ children }: { children: ReactNode }) {
  return (
    <Text slot="description" className="field-hint">
      {children}
    </Text>
  );
}

export function FieldErrorText({ children }: { children: ReactNode }) {
  return <FieldError className="field-error">{children}</FieldError>;
}

import type { ComponentType } from 'react';
import type { FormProps } from './form-props';
import { GenericForm } from './GenericForm';
import { ImpForm } from './ImpForm';
import { ReviewForm } from './ReviewForm';
import { SignForm } from './SignForm';
import { SpecForm } from './SpecForm';
import { fieldSpecs } from './specs';
import { TargetForm } from './TargetForm';

/** Commands with a form of their own; the rest use their field spec, else the generic form. */
const custom: Readonly<Record<string, ComponentType<FormProps>>> = {
  addTarget: TargetForm,
  updateTarget: TargetForm,
  recordReview: ReviewForm,
  recordImp: ImpForm,
  signPlan: SignForm,
};

/** The form for a command type: add a line here (or a field spec) for a new command. */
export function formFor(type: string): ComponentType<FormProps> {
  return custom[type] ?? (type in fieldSpecs ? SpecForm : GenericForm);
}

/**
 * Commands with nothing to fill in that are sent on one click, no dialog, with what the page
 * announces once the API accepted them (the API alone decides whether they are offered).
 */
export const oneClick: Readonly<Record<string, string>> = {
  acknowledgeConcern: 'Concern acknowledged. The reminders about it have stopped.',
};

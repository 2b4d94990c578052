import { z } from 'zod';
import { displayNameField, emailField, handleField, passwordField } from '../account-fields';

export const registerAccountRequest = z
  .object({
    email: emailField,
    password: passwordField,
    handle: handleField,
    displayName: displayNameField,
  })
  .meta({
    examples: [
      {
        email: 'ann@example.com',
        password: 'correct horse battery',
        handle: 'ann',
        displayName: 'Ann Example',
      },
    ],
  });

export type RegisterAccountRequest = z.output<typeof registerAccountRequest>;

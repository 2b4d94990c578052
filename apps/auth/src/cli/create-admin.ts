import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadServiceConfig } from '@blog/chassis';
import { inTransaction } from '@blog/sql';
import { Pool } from 'pg';
import { z } from 'zod';
import {
  displayNameField,
  emailField,
  handleField,
  parseInput,
  passwordField,
} from '../commands/account-fields';
import { registerAccount } from '../commands/register-account/register-account';
import { createAccountStore } from '../infrastructure/account-store';
import { loadAuthPolicy } from '../infrastructure/auth-config';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { readSecret } from './read-secret';

const USAGE = `Creates an admin account through the normal sign-up saga (the account gets a profile).

  ADMIN_PASSWORD=… node dist/apps/auth/src/cli/create-admin.js \\
      --email admin@example.com --handle admin --display-name "Site admin" [--no-wait]

The password comes from ADMIN_PASSWORD or, when unset, from stdin (not echoed on a terminal);
never from the command line. DATABASE_URL selects auth's database (default: the local stack).
Waits until the sign-up saga ends (auth and user must be running) unless --no-wait.`;

const options = z.object({
  email: emailField,
  handle: handleField,
  displayName: displayNameField,
});

const write = (line: string) => process.stdout.write(`${line}\n`);

async function waitForOutcome(pool: Pool, accountId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ status: string; rejection_reason: string | null }>(
      `SELECT status, rejection_reason FROM accounts WHERE account_id = $1`,
      [accountId],
    );
    const row = rows[0];
    if (row && row.status !== 'PENDING') return row;
    if (Date.now() > deadline) return { status: 'PENDING', rejection_reason: null };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      handle: { type: 'string' },
      'display-name': { type: 'string' },
      'no-wait': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || !values.email || !values.handle) {
    write(USAGE);
    return values.help ? 0 : 2;
  }
  const admin = parseInput(
    options,
    {
      email: values.email,
      handle: values.handle,
      displayName: values['display-name'] ?? values.handle,
    },
    'options',
  );
  const password = parseInput(
    passwordField,
    process.env['ADMIN_PASSWORD'] ?? (await readSecret('Admin password: ')),
    'password (12 to 128 characters)',
  );
  const policy = loadAuthPolicy();
  const pool = new Pool({ connectionString: loadServiceConfig('auth').DATABASE_URL, max: 2 });
  try {
    const passwordHash = await new PasswordHasher().hash(password);
    const registration = await inTransaction(pool, (tx) =>
      registerAccount(
        tx,
        createAccountStore(),
        { ...admin, passwordHash, roles: ['user', 'admin'] },
        {
          correlationId: `create-admin-${Date.now()}`,
          causationId: null,
          actor: 'system:create-admin',
        },
        policy.SIGN_UP_TIMEOUT_MS,
      ),
    );
    write(JSON.stringify({ ...registration, email: admin.email, handle: admin.handle }));
    if (values['no-wait']) return 0;
    const outcome = await waitForOutcome(
      pool,
      registration.accountId,
      policy.SIGN_UP_TIMEOUT_MS + 5_000,
    );
    write(JSON.stringify({ status: outcome.status, reason: outcome.rejection_reason }));
    return outcome.status === 'ACTIVE' ? 0 : 1;
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const { code, message, details } = error as {
        code?: string;
        message?: string;
        details?: unknown;
      };
      process.stderr.write(`create-admin failed: ${JSON.stringify({ code, message, details })}\n`);
      process.exit(1);
    },
  );
}
